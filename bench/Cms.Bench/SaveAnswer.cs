namespace Cms.Bench;

/// <summary>One save from the editor: its outcome, the HTTP status, the time until the answer, and where it redirected or what it said.</summary>
internal sealed record SaveAnswer(SaveOutcome Outcome, int Status, double Milliseconds, string Detail);
