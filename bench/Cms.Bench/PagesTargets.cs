namespace Cms.Bench;

/// <summary>
/// The targets of the public pages, against the servers in the order <see cref="PagesBenchmark"/> lists them: Kestrel
/// static, nginx static, Kestrel from memory, article cached, article uncached, and (when run) article uncached on
/// PostgreSQL. A missed one
/// makes the bench exit non-zero, so a regression shows at the commit that made it.
/// </summary>
internal static class PagesTargets
{
    public const double CachedShareOfNginx = 0.90;
    public const double UncachedPerSecond = 5_000;
    public const double UncachedShareOfNginx = 0.17;
    public const double PostgresShareOfSqlite = 0.60;
    public const double FirstSecondsShareOfSteady = 0.50;

    /// <summary>How long the fresh host is measured from its first page on.</summary>
    public static readonly TimeSpan FirstSeconds = TimeSpan.FromSeconds(10);

    public static void Add(List<LoadRun> runs, LoadTarget[] targets, WrkRun firstSeconds, Report report)
    {
        var (nginx, memory, cached, uncached) = (targets[1], targets[2], targets[3], targets[4]);
        Share(runs, report, cached, nginx, "Warm published article, output cache on: requests/s as a share of the same HTML from nginx", CachedShareOfNginx);
        Share(runs, report, memory, nginx, "For comparison, no target: a minimal Kestrel app writing the same bytes from memory, as a share of nginx", null);
        Share(runs, report, cached, memory, "For comparison, no target: the cached article as a share of that minimal Kestrel app", null);
        var perSecond = Median(runs, uncached);
        report.Target(
            Report.Invariant($"Article with the output cache off (Cms:Practice:PageCacheBytes = 0), SQLite (median of {PageLoad.Rounds} rounds)"),
            Report.Invariant($"{perSecond:N0} req/s"),
            Report.Invariant($"≥ {UncachedPerSecond:N0} req/s"),
            perSecond >= UncachedPerSecond);
        Share(runs, report, uncached, nginx, "Article with the output cache off: requests/s as a share of the same HTML from nginx", UncachedShareOfNginx);
        if (targets.Length > 5)
        {
            Share(runs, report, targets[5], uncached, "Article with the output cache off on PostgreSQL: requests/s as a share of SQLite's", PostgresShareOfSqlite);
        }
        else
        {
            report.Target("Article with the output cache off on PostgreSQL, as a share of SQLite", $"not run ({PagesPostgres.ServerVariable} is not set)", Percent(PostgresShareOfSqlite, "≥ "), null);
        }

        var share = firstSeconds.RequestsPerSecond / perSecond;
        report.Target(
            Report.Invariant($"Warm-up: the first {FirstSeconds.TotalSeconds:0} s of load on a fresh start of the host (output cache off), as a share of the steady rate above"),
            Report.Invariant($"{Percent(share)} ({firstSeconds.RequestsPerSecond:N0} against {perSecond:N0} req/s)"),
            Percent(FirstSecondsShareOfSteady, "≥ "),
            share >= FirstSecondsShareOfSteady);
    }

    public static double Median(List<LoadRun> runs, LoadTarget target) =>
        Distribution.Of(runs.Where(r => r.Target == target).Select(r => r.Wrk.RequestsPerSecond)).P50;

    public static string Percent(double share, string prefix = "") => Report.Invariant($"{prefix}{share * 100:0} %");

    // Medians of the rounds, and each round's own share: the two servers ran back to back in it.
    private static void Share(List<LoadRun> runs, Report report, LoadTarget measured, LoadTarget against, string measure, double? target)
    {
        var (of, to) = (Median(runs, measured), Median(runs, against));
        var byRound = runs.GroupBy(r => r.Round).Select(g => Percent(g.Single(r => r.Target == measured).Wrk.RequestsPerSecond / g.Single(r => r.Target == against).Wrk.RequestsPerSecond));
        report.Target(
            Report.Invariant($"{measure} (medians of {PageLoad.Rounds} rounds)"),
            Report.Invariant($"{Percent(of / to)} ({of:N0} against {to:N0} req/s; by round {string.Join(", ", byRound)})"),
            target is { } least ? Percent(least, "≥ ") : "",
            target is { } at ? of / to >= at : null);
    }
}
