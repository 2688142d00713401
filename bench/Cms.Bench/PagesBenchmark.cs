using System.Globalization;

namespace Cms.Bench;

/// <summary>
/// A warm published article of the demo practice against the same HTML served as a static file by nginx (the
/// ceiling) and by Kestrel, on the same machine in the same run: the cached page should reach ≥ 90 % of nginx's
/// requests/s; with the output cache off the host should still render ≥ 5,000 pages/s and ≥ 17 % of nginx. With a
/// PostgreSQL server set (see <see cref="PagesPostgres"/>), another server renders the page uncached with its tenants
/// on PostgreSQL, which should reach ≥ 60 % of the uncached SQLite host's requests/s. wrk drives the servers one at a
/// time. Last, a fresh start of the host: its first 10 s of load should reach ≥ 50 % of the steady rate. A minimal
/// Kestrel app writing the same bytes from memory shows how much of the gap to nginx is Kestrel's own.
/// </summary>
internal static class PagesBenchmark
{
    public const string AdminPassword = "bench-password-1";

    /// <summary>The demo practice that the first run on an empty data folder creates, with its sample content.</summary>
    public const string DemoTenant = "riverbend";

    /// <summary>The first sample article, published.</summary>
    public const string ArticlePath = DemoTenant + "/articles/what-you-should-know-about-therapy-part-1";

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
        var freshData = Path.Combine(scratch, "data-fresh");
        CopyFolder(cachedData, freshData);
        var files = Path.Combine(scratch, "static");
        Directory.CreateDirectory(files);
        await File.WriteAllBytesAsync(Path.Combine(files, "article.html"), html);

        // Declared before the hosts, so it is dropped after the PostgreSQL host has stopped.
        await using var postgres = await PagesPostgres.CreateAsync();
        Progress.Say("Starting the host twice (output cache on, and off over a copy of the data) and the static-file servers");
        using var cached = await StartHostAsync(layout, cachedData, pageCacheBytes: null);
        using var uncached = await StartHostAsync(layout, uncachedData, pageCacheBytes: 0);
        await using var staticServer = await StaticFileServer.StartAsync(files, "article.html");
        using var nginx = await NginxServer.StartAsync(files, Path.Combine(scratch, "nginx"), "article.html");
        var cachedBytes = await cached.WaitForPageAsync(ArticlePath, s_pageTimeout);
        var uncachedBytes = await uncached.WaitForPageAsync(ArticlePath, s_pageTimeout);

        // On PostgreSQL the host's first run creates the demo practice in the new database.
        using var onPostgres = postgres is null ? null : await StartHostAsync(layout, Path.Combine(scratch, "data-postgres"), pageCacheBytes: 0, postgres.HostSettings);
        var postgresBytes = onPostgres is null ? null : await onPostgres.WaitForPageAsync(ArticlePath, s_pageTimeout);
        LoadTarget[] targets =
        [
            // In the bench's process, so its CPU time is the bench's: idle but for this server while wrk runs.
            new("Static file (Kestrel, UseStaticFiles)", new Uri(staticServer.BaseAddress, "article.html"), () => Environment.CpuUsage.TotalTime),
            new("Static file (nginx, 2 workers)", new Uri(nginx.BaseAddress, "article.html"), () => nginx.Cpu),
            new("Same bytes from memory (minimal Kestrel app)", new Uri(staticServer.BaseAddress, StaticFileServer.FromMemoryPath.TrimStart('/')), () => Environment.CpuUsage.TotalTime),
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
        catch (InvalidOperationException ex) when (Stopped(cached, uncached, onPostgres, nginx) is { } stopped)
        {
            throw new InvalidOperationException(stopped, ex);
        }

        // wrk counts the refused connections of a host that stopped mid-run as socket errors, and goes on.
        if (Stopped(cached, uncached, onPostgres, nginx) is { } stoppedDuringRuns)
        {
            throw new InvalidOperationException(stoppedDuringRuns);
        }

        var firstSeconds = await FirstSecondsAsync(layout, freshData);
        PagesTargets.Add(runs, targets, firstSeconds, report);
        Tables(runs, targets, report);
        report.Fact("nginx", Report.Invariant($"{nginx.Version} (Debian's nginx-light), 2 workers, access log off, sendfile on, the page from the same folder as Kestrel's"));
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

    // A fresh host (output cache off) over a copy of the data that no host has served yet: wrk from its first page on.
    private static async Task<WrkRun> FirstSecondsAsync(HostLayout layout, string dataPath)
    {
        Progress.Say(Report.Invariant($"A fresh start of the host (output cache off): the first {PagesTargets.FirstSeconds.TotalSeconds:0} s of load"));
        using var fresh = await StartHostAsync(layout, dataPath, pageCacheBytes: 0);
        await fresh.WaitForPageAsync(ArticlePath, s_pageTimeout);
        var run = await Wrk.RunAsync(new Uri(fresh.BaseAddress, ArticlePath), PageLoad.Threads, PageLoad.Connections, PagesTargets.FirstSeconds);
        Progress.Say(Report.Invariant($"  {run.RequestsPerSecond:N0} req/s"));
        return fresh.ExitReport is { } exited ? throw new InvalidOperationException($"The fresh host {exited}") : run;
    }

    private static string? Stopped(HostProcess cached, HostProcess uncached, HostProcess? onPostgres, NginxServer nginx) =>
        nginx.ExitReport is { } ng ? $"nginx {ng}"
        : cached.ExitReport is { } on ? $"The host with the output cache on {on}"
        : uncached.ExitReport is { } off ? $"The host with the output cache off {off}"
        : onPostgres?.ExitReport is { } postgres ? $"The host on PostgreSQL {postgres}"
        : null;

    private static void Tables(List<LoadRun> runs, LoadTarget[] targets, Report report)
    {
        var (kestrel, nginx) = (PagesTargets.Median(runs, targets[0]), PagesTargets.Median(runs, targets[1]));
        var summary = report.Table(
            Report.Invariant($"Medians of {PageLoad.Rounds} rounds each (latency in milliseconds, wrk's percentiles; CPU per request is the server's user and system time over the requests it answered, nginx's master and workers together):"),
            "Server", "Requests/s", "Of nginx", "Of Kestrel static", "p50", "p99", "Server CPU per request");
        foreach (var target in targets)
        {
            var of = runs.Where(r => r.Target == target).ToList();
            var perSecond = PagesTargets.Median(runs, target);
            summary.Add([
                target.Name,
                Report.Invariant($"{perSecond:N0}"),
                PagesTargets.Percent(perSecond / nginx),
                PagesTargets.Percent(perSecond / kestrel),
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
