namespace Cms.Bench;

/// <summary>A server that wrk is pointed at: its name in the report, the page's URL, and the server's CPU time so far.</summary>
internal sealed record LoadTarget(string Name, Uri Url, Func<TimeSpan> Cpu);
