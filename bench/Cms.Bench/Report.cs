using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Cms.Bench;

/// <summary>The figures of one run, rendered as Markdown: targets first, then latencies and other tables, then the rest.</summary>
internal sealed class Report
{
    private readonly List<string[]> _targets = [];
    private readonly List<(string Name, Distribution Latency)> _latencies = [];
    private readonly List<(string Caption, string[] Header, List<string[]> Rows)> _tables = [];
    private readonly List<string[]> _facts = [];
    private readonly string _title;
    private readonly string _configuration;

    /// <param name="title">The benchmark's name, as the heading says it: "Tenants", "Recipes".</param>
    public Report(string title, string configuration)
    {
        _title = title;
        _configuration = configuration;
    }

    /// <param name="met">Null when the measure could not be taken; the result then says why.</param>
    public void Target(string measure, string result, string target, bool? met)
    {
        _targets.Add([measure, result, target, met switch { true => "met", false => "**missed**", null => target.Length == 0 ? "" : "not measured" }]);
        Missed |= met == false;
    }

    /// <summary>True when a measured figure fell short of its target: the bench then exits with 1.</summary>
    public bool Missed { get; private set; }

    public void Latency(string name, Distribution latency) => _latencies.Add((name, latency));

    public void Fact(string measure, string result) => _facts.Add([measure, result]);

    /// <summary>A table of its own, after the latencies; rows are added to the list returned, in order.</summary>
    public List<string[]> Table(string caption, params string[] header)
    {
        var rows = new List<string[]>();
        _tables.Add((caption, header, rows));
        return rows;
    }

    public static string Bytes(double bytes) => Math.Abs(bytes) switch
    {
        >= 1024 * 1024 * 1024 => Invariant($"{bytes / (1024 * 1024 * 1024):0.0} GB"),
        >= 1024 * 1024 => Invariant($"{bytes / (1024 * 1024):0.0} MB"),
        >= 1024 => Invariant($"{bytes / 1024:0.0} KB"),
        _ => Invariant($"{bytes:0} B"),
    };

    public static string Ms(double milliseconds) => Invariant($"{milliseconds:0.0} ms");

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"## {_title} benchmark")).AppendLine();
        text.AppendLine(Invariant($"Machine: {Machine.Cpu()}, {Environment.ProcessorCount} cores, {Bytes(Machine.TotalMemoryBytes())} RAM, {Machine.Os()}, {RuntimeInformation.FrameworkDescription}, {_configuration} build. 1 KB = 1,024 B."));
        text.AppendLine();
        if (_targets.Count > 0)
        {
            Table(text, ["Measure", "Result", "Target", ""], _targets);
        }
        if (_latencies.Count > 0)
        {
            text.AppendLine().AppendLine("Latency in milliseconds (nearest-rank percentiles):").AppendLine();
            Table(
                text,
                ["Requests", "n", "p50", "p90", "p99", "max"],
                _latencies.Select(l => new[] { l.Name, Invariant($"{l.Latency.Count:N0}"), Invariant($"{l.Latency.P50:0.0}"), Invariant($"{l.Latency.P90:0.0}"), Invariant($"{l.Latency.P99:0.0}"), Invariant($"{l.Latency.Max:0.0}") }));
        }

        foreach (var (caption, header, rows) in _tables)
        {
            text.AppendLine().AppendLine(caption).AppendLine();
            Table(text, header, rows);
        }

        if (_facts.Count > 0)
        {
            text.AppendLine().AppendLine("Other figures:").AppendLine();
            Table(text, ["Measure", "Result"], _facts);
        }

        return text.ToString();
    }

    private static void Table(StringBuilder text, string[] header, IEnumerable<string[]> rows)
    {
        text.AppendLine("| " + string.Join(" | ", header) + " |");
        text.AppendLine("|" + string.Concat(header.Select((_, i) => i == 0 ? " --- |" : " ---: |")));
        foreach (var row in rows)
        {
            text.AppendLine("| " + string.Join(" | ", row) + " |");
        }
    }
}
