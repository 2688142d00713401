using System.Globalization;

namespace Cms.Bench;

/// <summary>
/// A warm published article of the demo practice against the same HTML served as a static file by Kestrel, on the
/// same machine in the same run: the cached page should reach ≥ 70 % of the static file's requests/s, and with the
/// output cache off the host should still render ≥ 2,500 pages/s. With a PostgreSQL server set (see
/// <see cref="PagesPostgres"/>), a fourth server renders the page uncached with its tenants on PostgreSQL, which should
/// reach ≥ 60 % of the uncached SQLite host's requests/s. wrk drives the servers one at a time.
/// </summary>
internal static class PagesBenchmark
{
    public const string AdminPassword = "bench-password-1";

    /// <summary>The demo practice that the first run on an empty data folder creates, with its sample content.</summary>
    public const string DemoTenant = "riverbend";

    /// <summary>The first sample article, published.</summary>
    public const string ArticlePath = DemoTenant + "/articles/what-you-should-know-about-therapy-part-1";

    private const double TargetShareOfStatic = 0.70;
    private const double TargetUncachedPerSecond = 2_500;
    private const double TargetPostgresShareOfSqlite = 0.60;

    private static readonly TimeSpan s_pageTimeout = TimeSpan.FromSeconds(60);

    public static async Task<Report> RunAsync(bool keepData)
    {
        using var workspace = BenchWorkspace.Open("Public pages", "cms-bench-pages-", keepData);
        var (layout, scratch, report) = (workspace.Layout, workspace.Path, workspace.Report);
        var wrkVersion = await Wrk.EnsureInstalledAsync();
        var (cachedData, uncachedData) = (Path.Combine(scratch, "data"), Path.Combine(scratch, "data-uncached"));

        // The first run creates the demo practice and its sample content. It is stopped (so its databases are
        // closed) before the folder is copied for the second host.
        Progress.Say("First run of the host: creating the demo practice");
        byte[] html;
        using (var first = await StartHostAsync(layout, cachedData, pageCacheBytes: null))
        {
            html = await first.WaitForPageAsync(ArticlePath, s_pageTimeout);
        }

        CopyFolder(cachedData, uncachedData);
        var files = Path.Combine(scratch, "static");
        Directory.CreateDirectory(files);
        await File.WriteAllBytesAsync(Path.Combine(files, "article.html"), html);

        // Declared before the hosts, so it is dropped after the PostgreSQL host has stopped.
        await using var postgres = await PagesPostgres.CreateAsync();
        Progress.Say("Starting the host twice (output cache on, and off over a copy of the data) and the static-file server");
        using var cached = await StartHostAsync(layout, cachedData, pageCacheBytes: null);
        using var uncached = await StartHostAsync(layout, uncachedData, pageCacheBytes: 0);
        await using var staticServer = await StaticFileServer.StartAsync(files);
        var cachedBytes = await cached.WaitForPageAsync(ArticlePath, s_pageTimeout);
        var uncachedBytes = await uncached.WaitForPageAsync(ArticlePath, s_pageTimeout);

        // On PostgreSQL the host's first run creates the demo practice in the new database.
        using var onPostgres = postgres is null ? null : await StartHostAsync(layout, Path.Combine(scratch, "data-postgres"), pageCacheBytes: 0, postgres.HostSettings);
        var postgresBytes = onPostgres is null ? null : await onPostgres.WaitForPageAsync(ArticlePath, s_pageTimeout);
        LoadTarget[] targets =
        [
            // In the bench's process, so its CPU time is the bench's: idle but for this server while wrk runs.
            new("Static file (Kestrel, UseStaticFiles)", new Uri(staticServer.BaseAddress, "article.html"), () => Environment.CpuUsage.TotalTime),
            new("Article, output cache on", new Uri(cached.BaseAddress, ArticlePath), () => cached.Cpu ?? TimeSpan.Zero),
            new("Article, output cache off", new Uri(uncached.BaseAddress, ArticlePath), () => uncached.Cpu ?? TimeSpan.Zero),
            .. onPostgres is null ? Array.Empty<LoadTarget>() :
                [new("Article, output cache off, PostgreSQL", new Uri(onPostgres.BaseAddress, ArticlePath), () => onPostgres.Cpu ?? TimeSpan.Zero)],
        ];
        List<LoadRun> runs;
        try
        {
            await PageLoad.WarmUpAsync(targets);
            runs = await PageLoad.RoundsAsync(targets);
        }
        catch (InvalidOperationException ex) when (Stopped(cached, uncached, onPostgres) is { } stopped)
        {
            throw new InvalidOperationException(stopped, ex);
        }

        // wrk counts the refused connections of a host that stopped mid-run as socket errors, and goes on.
        if (Stopped(cached, uncached, onPostgres) is { } stoppedDuringRuns)
        {
            throw new InvalidOperationException(stoppedDuringRuns);
        }

        Targets(runs, targets, report);
        PostgresTarget(runs, targets, report);
        Tables(runs, targets, report);
        report.Fact("Load generator", Report.Invariant($"{wrkVersion}: wrk -t{PageLoad.Threads} -c{PageLoad.Connections} -d{PageLoad.Duration.TotalSeconds:0}s --latency, after a {PageLoad.WarmUp.TotalSeconds:0} s warm-up per server"));
        report.Fact("Article page (the static file is the bytes the host served first)", Report.Invariant($"{html.Length:N0} B; host with output cache on / off served {cachedBytes.Length:N0} B / {uncachedBytes.Length:N0} B"));
        report.Fact("Host RSS after the runs, output cache on / off", Report.Invariant($"{Report.Bytes(cached.ResidentBytes)} / {Report.Bytes(uncached.ResidentBytes)}"));
        report.Fact("PostgreSQL host (output cache off)", onPostgres is null
            ? $"not run: set {PagesPostgres.ServerVariable} to a PostgreSQL server where the role may CREATE DATABASE"
            : Report.Invariant($"database {postgres!.Name} on {new Npgsql.NpgsqlConnectionStringBuilder(postgres.ConnectionString).Host}, made for the run and dropped; served {postgresBytes!.Length:N0} B, RSS {Report.Bytes(onPostgres.ResidentBytes)} after the runs"));
        return report;
    }

    /// <summary>The host with the demo practice, logging at Warning; a page cache of 0 bytes caches no page at all.</summary>
    internal static async Task<HostProcess> StartHostAsync(HostLayout layout, string dataPath, long? pageCacheBytes, IReadOnlyDictionary<string, string>? storage = null)
    {
        var settings = new Dictionary<string, string>(storage ?? new Dictionary<string, string>())
        {
            ["Cms__Setup__DemoTenant"] = DemoTenant,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (pageCacheBytes is { } bytes)
        {
            settings["Cms__Practice__PageCacheBytes"] = bytes.ToString(CultureInfo.InvariantCulture);
        }

        var (host, _) = await HostProcess.StartAsync(layout, dataPath, AdminPassword, settings);
        return host;
    }

    private static string? Stopped(HostProcess cached, HostProcess uncached, HostProcess? onPostgres) =>
        cached.ExitReport is { } on ? $"The host with the output cache on {on}"
        : uncached.ExitReport is { } off ? $"The host with the output cache off {off}"
        : onPostgres?.ExitReport is { } postgres ? $"The host on PostgreSQL {postgres}"
        : null;

    private static void Targets(List<LoadRun> runs, LoadTarget[] targets, Report report)
    {
        var (staticFile, cached, uncached) = (Median(runs, targets[0]), Median(runs, targets[1]), Median(runs, targets[2]));
        var share = cached / staticFile;
        var byRound = runs.GroupBy(r => r.Round).Select(g => Percent(g.Single(r => r.Target == targets[1]).Wrk.RequestsPerSecond / g.Single(r => r.Target == targets[0]).Wrk.RequestsPerSecond));
        report.Target(
            Report.Invariant($"Warm published article, output cache on: requests/s as a share of the same HTML as a static file (medians of {PageLoad.Rounds} rounds)"),
            Report.Invariant($"{Percent(share)} ({cached:N0} against {staticFile:N0} req/s; by round {string.Join(", ", byRound)})"),
            "≥ 70 %",
            share >= TargetShareOfStatic);
        report.Target(
            Report.Invariant($"Article with the output cache off (Cms:Practice:PageCacheBytes = 0, median of {PageLoad.Rounds} rounds)"),
            Report.Invariant($"{uncached:N0} req/s"),
            "≥ 2,500 req/s",
            uncached >= TargetUncachedPerSecond);
    }

    // Same wrk settings, same page, same rounds: the database is the difference.
    private static void PostgresTarget(List<LoadRun> runs, LoadTarget[] targets, Report report)
    {
        if (targets.Length < 4)
        {
            report.Target("Article with the output cache off on PostgreSQL, as a share of SQLite", $"not run ({PagesPostgres.ServerVariable} is not set)", "≥ 60 %", null);
            return;
        }

        var (sqlite, postgres) = (Median(runs, targets[2]), Median(runs, targets[3]));
        var byRound = runs.GroupBy(r => r.Round).Select(g => Percent(g.Single(r => r.Target == targets[3]).Wrk.RequestsPerSecond / g.Single(r => r.Target == targets[2]).Wrk.RequestsPerSecond));
        report.Target(
            Report.Invariant($"Article with the output cache off on PostgreSQL: requests/s as a share of SQLite's (medians of {PageLoad.Rounds} rounds)"),
            Report.Invariant($"{Percent(postgres / sqlite)} ({postgres:N0} against {sqlite:N0} req/s; by round {string.Join(", ", byRound)})"),
            "≥ 60 %",
            postgres / sqlite >= TargetPostgresShareOfSqlite);
    }

    private static void Tables(List<LoadRun> runs, LoadTarget[] targets, Report report)
    {
        var staticFile = Median(runs, targets[0]);
        var summary = report.Table(
            Report.Invariant($"Medians of {PageLoad.Rounds} rounds each (latency in milliseconds, wrk's percentiles; CPU per request is the server process's user and system time over the requests it answered):"),
            "Server", "Requests/s", "Of static", "p50", "p99", "Server CPU per request");
        foreach (var target in targets)
        {
            var of = runs.Where(r => r.Target == target).ToList();
            var perSecond = Median(runs, target);
            summary.Add([
                target.Name,
                Report.Invariant($"{perSecond:N0}"),
                Percent(perSecond / staticFile),
                Report.Invariant($"{Distribution.Of(of.Select(r => r.Wrk.P50)).P50:0.00}"),
                Report.Invariant($"{Distribution.Of(of.Select(r => r.Wrk.P99)).P50:0.00}"),
                Report.Invariant($"{Distribution.Of(of.Select(r => r.ServerMicrosecondsPerRequest)).P50:0} µs"),
            ]);
        }

        var each = report.Table(
            "Every run, in the order run. Per response: wrk's bytes read over its requests, headers included. Cores: CPU time over wall time, of the server, of wrk, and of everything else together, the kernel's loopback network time that no process is charged for included (near 0 on a quiet machine):",
            "Round", "Server", "Requests/s", "p50", "p75", "p90", "p99", "max", "Requests", "Per response", "Socket errors", "Server cores", "wrk cores", "Others");
        foreach (var run in runs)
        {
            var wrk = run.Wrk;
            each.Add([
                run.Round.ToString(CultureInfo.InvariantCulture),
                run.Target.Name,
                Report.Invariant($"{wrk.RequestsPerSecond:N0}"),
                Report.Invariant($"{wrk.P50:0.00}"),
                Report.Invariant($"{wrk.P75:0.00}"),
                Report.Invariant($"{wrk.P90:0.00}"),
                Report.Invariant($"{wrk.P99:0.00}"),
                Report.Invariant($"{wrk.Max:0.00}"),
                Report.Invariant($"{wrk.Requests:N0}"),
                Report.Bytes(wrk.BytesPerResponse),
                Report.Invariant($"{wrk.SocketErrors:N0}"),
                Report.Invariant($"{run.ServerCores:0.00}"),
                Report.Invariant($"{run.WrkCores:0.00}"),
                Report.Invariant($"{run.OtherCores:0.00}"),
            ]);
        }
    }

    private static double Median(List<LoadRun> runs, LoadTarget target) =>
        Distribution.Of(runs.Where(r => r.Target == target).Select(r => r.Wrk.RequestsPerSecond)).P50;

    private static string Percent(double share) => Report.Invariant($"{share * 100:0} %");

    private static void CopyFolder(string from, string to)
    {
        foreach (var folder in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories).Prepend(from))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, folder)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
