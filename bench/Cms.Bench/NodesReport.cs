using System.Globalization;

namespace Cms.Bench;

/// <summary>The nodes benchmark's figures as report rows: propagation, concurrent saves, and throughput on both providers.</summary>
internal static class NodesReport
{
    private const double TargetVisibleP95 = 1_000;
    private const double TargetShareOfSqlite = 0.60;

    public static void Propagation(Report report, (string Path, List<PropagationSample> Samples)[] paths)
    {
        var table = report.Table(
            Report.Invariant($"Propagation over {Cms.Bench.Propagation.Publishes} publishes per path, one at a time (after {Cms.Bench.Propagation.WarmUps} not counted), in milliseconds (nearest-rank percentiles). Visible: from node A's acknowledgement until node B's public page, read every {Cms.Bench.Propagation.ReadEvery.TotalMilliseconds:0} ms, shows the new title; node B keeps its output cache. A publish not seen within {Cms.Bench.Propagation.GiveUpAfter.TotalSeconds:0} s counts as {Cms.Bench.Propagation.GiveUpAfter.TotalSeconds:0} s:"),
            "Publish on node A", "n", "Publish request p50", "p95", "Visible on B p50", "p90", "p95", "p99", "max", "Reads of B per publish, median", "Reads of B not 200", "Not seen");
        foreach (var (path, samples) in paths)
        {
            var publish = Distribution.Of(samples.Select(s => s.PublishMilliseconds));
            var visible = Distribution.Of(samples.Select(s => s.VisibleMilliseconds));
            var notSeen = samples.Count(s => !s.Seen);
            report.Target(
                Report.Invariant($"Publish on node A ({path}) → on node B's public page ({samples.Count} publishes, acknowledged → visible)"),
                Report.Invariant($"p50 {visible.P50:0} ms, p95 {visible.P95:0} ms, max {visible.Max:0} ms") + (notSeen > 0 ? Report.Invariant($"; {notSeen} not seen within {Cms.Bench.Propagation.GiveUpAfter.TotalSeconds:0} s") : ""),
                "≤ 1 s at p95",
                visible.P95 <= TargetVisibleP95);
            table.Add([
                path,
                Report.Invariant($"{samples.Count}"),
                Report.Invariant($"{publish.P50:0.0}"),
                Report.Invariant($"{publish.P95:0.0}"),
                Report.Invariant($"{visible.P50:0.0}"),
                Report.Invariant($"{visible.P90:0.0}"),
                Report.Invariant($"{visible.P95:0.0}"),
                Report.Invariant($"{visible.P99:0.0}"),
                Report.Invariant($"{visible.Max:0.0}"),
                Report.Invariant($"{Distribution.Of(samples.Select(s => (double)s.Reads)).P50:0}"),
                Report.Invariant($"{samples.Sum(s => s.FailedReads)}"),
                Report.Invariant($"{notSeen}"),
            ]);
        }
    }

    public static void Saves(Report report, List<SaveRound> rounds)
    {
        var (lost, refusedYetSaved) = (rounds.Sum(r => r.Lost), rounds.Sum(r => r.RefusedYetSaved));
        var violations = lost + refusedYetSaved;
        report.Target(
            Report.Invariant($"Two saves of one article at the same moment, one per node, from the same version ({rounds.Count} rounds): every acknowledged save is what both nodes show afterwards, and no refused one is"),
            violations == 0
                ? Report.Invariant($"yes: 0 violations; {rounds.Sum(r => r.Count(SaveOutcome.Acknowledged))} saves acknowledged, {rounds.Sum(r => r.Count(SaveOutcome.Conflict))} refused as a conflict, {rounds.Sum(r => r.Count(SaveOutcome.Error))} errors")
                : Report.Invariant($"no: {violations} violations ({lost} acknowledged saves lost, {refusedYetSaved} refused saves present)"),
            "acknowledged = present",
            violations == 0);

        var outcomes = report.Table(
            "Concurrent saves: both editors opened on the same version, each on its own node (signed in there), then both posted at once; odd rounds save a draft, even rounds publish. Outcomes per round:",
            "Action", "Rounds", "One saved, other told of the conflict", "Both acknowledged", "Both refused", "With an error", "Nodes show the same afterwards", "Lost acknowledged saves", "Refused saves present");
        foreach (var group in rounds.GroupBy(r => r.Action).Append(rounds.GroupBy(_ => "all").Single()))
        {
            outcomes.Add([
                group.Key,
                Count(group, _ => true),
                Count(group, r => r.Count(SaveOutcome.Acknowledged) == 1 && r.Count(SaveOutcome.Conflict) == 1),
                Count(group, r => r.Count(SaveOutcome.Acknowledged) == 2),
                Count(group, r => r.Count(SaveOutcome.Conflict) == 2),
                Count(group, r => r.Count(SaveOutcome.Error) > 0),
                Count(group, r => r.FinalOnA == r.FinalOnB),
                Report.Invariant($"{group.Sum(r => r.Lost)}"),
                Report.Invariant($"{group.Sum(r => r.RefusedYetSaved)}"),
            ]);
        }

        var each = report.Table(
            "Every round: each node's answer (HTTP status, milliseconds) and whose title each node's editor shows afterwards:",
            "Round", "Action", "Node A", "Node B", "Shown on A / B afterwards", "Lost", "Error");
        foreach (var round in rounds)
        {
            each.Add([
                round.Round.ToString(CultureInfo.InvariantCulture),
                round.Action,
                Answer(round.OnA),
                Answer(round.OnB),
                $"{Whose(round, round.FinalOnA)} / {Whose(round, round.FinalOnB)}",
                round.Lost.ToString(CultureInfo.InvariantCulture),
                string.Join("; ", new[] { round.OnA, round.OnB }.Where(a => a.Outcome == SaveOutcome.Error).Select(a => a.Detail.ReplaceLineEndings(" ").Replace("|", "/", StringComparison.Ordinal))),
            ]);
        }
    }

    public static void Throughput(Report report, List<LoadRun> runs, LoadTarget sqlite, LoadTarget postgres)
    {
        var (onSqlite, onPostgres) = (Median(runs, sqlite), Median(runs, postgres));
        var byRound = runs.GroupBy(r => r.Round).Select(g => Percent(g.Single(r => r.Target == postgres).Wrk.RequestsPerSecond / g.Single(r => r.Target == sqlite).Wrk.RequestsPerSecond));
        report.Target(
            Report.Invariant($"Article with the output cache off on PostgreSQL, as a share of SQLite's requests/s in the same run (medians of {PageLoad.Rounds} rounds)"),
            Report.Invariant($"{Percent(onPostgres / onSqlite)} ({onPostgres:N0} against {onSqlite:N0} req/s; by round {string.Join(", ", byRound)})"),
            "≥ 60 %",
            onPostgres / onSqlite >= TargetShareOfSqlite);
        var (cpuSqlite, cpuPostgres) = (CpuPerRequest(runs, sqlite), CpuPerRequest(runs, postgres));
        report.Fact(
            "CPU per uncached page (medians of the rounds): SQLite's host / PostgreSQL's host and its database's backends, and the pages PostgreSQL serves per CPU second as a share of SQLite's (the steadier figure when other programs share the cores)",
            Report.Invariant($"{cpuSqlite:0} µs / {cpuPostgres:0} µs: {Percent(cpuSqlite / cpuPostgres)}"));
        var table = report.Table(
            "Throughput, every wrk run in the order run (latency in milliseconds, wrk's percentiles). Server: the host's user and system time, and on PostgreSQL also that of the database's backends (the server runs on the same cores; on another machine they are not counted). Cores: CPU time over wall time of the server, of wrk, and of everything else together:",
            "Round", "Server", "Requests/s", "Of SQLite", "p50", "p99", "Server CPU per request", "Server cores", "wrk cores", "Others");
        foreach (var run in runs)
        {
            var ofSqlite = run.Wrk.RequestsPerSecond / runs.Single(r => r.Round == run.Round && r.Target == sqlite).Wrk.RequestsPerSecond;
            table.Add([
                run.Round.ToString(CultureInfo.InvariantCulture),
                run.Target.Name,
                Report.Invariant($"{run.Wrk.RequestsPerSecond:N0}"),
                Percent(ofSqlite),
                Report.Invariant($"{run.Wrk.P50:0.00}"),
                Report.Invariant($"{run.Wrk.P99:0.00}"),
                Report.Invariant($"{run.ServerMicrosecondsPerRequest:0} µs"),
                Report.Invariant($"{run.ServerCores:0.00}"),
                Report.Invariant($"{run.WrkCores:0.00}"),
                Report.Invariant($"{run.OtherCores:0.00}"),
            ]);
        }
    }

    private static string Count(IEnumerable<SaveRound> rounds, Func<SaveRound, bool> which) => rounds.Count(which).ToString(CultureInfo.InvariantCulture);

    private static string Answer(SaveAnswer answer) => Report.Invariant($"{answer.Outcome switch { SaveOutcome.Acknowledged => "saved", SaveOutcome.Conflict => "conflict", _ => "error" }} ({answer.Status}, {answer.Milliseconds:0} ms)");

    private static string Whose(SaveRound round, string title) =>
        title == round.TitleOnA ? "A's" : title == round.TitleOnB ? "B's" : "earlier";

    private static double CpuPerRequest(List<LoadRun> runs, LoadTarget target) =>
        Distribution.Of(runs.Where(r => r.Target == target).Select(r => r.ServerMicrosecondsPerRequest)).P50;

    private static double Median(List<LoadRun> runs, LoadTarget target) =>
        Distribution.Of(runs.Where(r => r.Target == target).Select(r => r.Wrk.RequestsPerSecond)).P50;

    private static string Percent(double share) => Report.Invariant($"{share * 100:0} %");
}
