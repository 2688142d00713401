using System.Diagnostics;
using System.Globalization;

namespace Cms.Bench;

/// <summary>
/// Two real hosts on one PostgreSQL database, each with its own data folder and port, as two machines behind a load
/// balancer would be: a publish on node A should be on node B's public pages within 1 s at p95; two saves of one
/// article at the same moment, one per node, must never both be acknowledged with one of them lost; and an uncached
/// page on PostgreSQL should serve ≥ 0.6 of SQLite's requests/s, measured in the same run.
/// </summary>
internal static class NodesBenchmark
{
    private const string ApiKey = "nodes-bench-api-key-0123456789";
    private const string UserName = "admin";

    /// <summary>
    /// The nodes' registry poll, the fallback for a lost LISTEN connection, is set far above the target, so a publish
    /// seen on node B within the second was pushed to it, not polled (the shipped default is 1 s).
    /// </summary>
    private const string RegistryPollInterval = "00:01:00";

    private static readonly NodeArticle s_article = new("nodesbencharticle00000001", "articles/two-nodes-bench");
    private static readonly TimeSpan s_pageTimeout = TimeSpan.FromSeconds(60);

    public static async Task<Report> RunAsync(string server, bool keepData)
    {
        using var workspace = BenchWorkspace.Open("Nodes", "cms-bench-nodes-", keepData);
        var wrkVersion = await Wrk.EnsureInstalledAsync();
        var database = await BenchDatabase.CreateAsync(server);
        try
        {
            await MeasureAsync(workspace, database);
            workspace.Report.Fact("Load generator", Report.Invariant($"{wrkVersion}: wrk -t{PageLoad.Threads} -c{PageLoad.Connections} -d{PageLoad.Duration.TotalSeconds:0}s --latency, after a {PageLoad.WarmUp.TotalSeconds:0} s warm-up per server"));
            return workspace.Report;
        }
        finally
        {
            if (keepData)
            {
                Progress.Say($"Kept the PostgreSQL database {database.Name}");
            }
            else
            {
                await database.DisposeAsync();
            }
        }
    }

    private static async Task MeasureAsync(BenchWorkspace workspace, BenchDatabase database)
    {
        var (layout, scratch, report) = (workspace.Layout, workspace.Path, workspace.Report);
        Progress.Say("Node A, first run on the empty database: creating the demo practice");
        using var nodeA = await StartAsync(layout, Path.Combine(scratch, "node-a"), database.ConnectionString, pageCacheBytes: 0);
        await nodeA.WaitForPageAsync(PagesBenchmark.ArticlePath, s_pageTimeout);
        Progress.Say("Node B, on the same database with a data folder of its own");
        using var nodeB = await StartAsync(layout, Path.Combine(scratch, "node-b"), database.ConnectionString, pageCacheBytes: null);
        await nodeB.WaitForPageAsync(PagesBenchmark.ArticlePath, s_pageTimeout);

        using var recipes = new RecipeApiClient(nodeA.BaseAddress, ApiKey);
        await recipes.ImportAsync(PagesBenchmark.DemoTenant, s_article.Recipe("Two nodes, first version"));
        await nodeB.WaitForPageAsync(s_article.PagePath, s_pageTimeout);
        var listeners = await database.ListenersAsync();
        using var adminA = await AdminClient.SignInAsync(nodeA.BaseAddress, PagesBenchmark.DemoTenant, UserName, PagesBenchmark.AdminPassword);
        using var adminB = await AdminClient.SignInAsync(nodeB.BaseAddress, PagesBenchmark.DemoTenant, UserName, PagesBenchmark.AdminPassword);
        using var readerB = new HttpClient { BaseAddress = nodeB.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        try
        {
            Progress.Say($"Propagation: {Propagation.Publishes} publishes through the recipe API on node A, each read on node B until seen");
            var byRecipe = await Propagation.MeasureAsync("the recipe API", title => TimedAsync(() => recipes.ImportAsync(PagesBenchmark.DemoTenant, s_article.Recipe(title))), readerB, s_article.PagePath);
            Progress.Say($"Propagation: {Propagation.Publishes} publishes from the admin's editor on node A");
            var byAdmin = await Propagation.MeasureAsync("the admin", title => PublishFromEditorAsync(adminA, title), readerB, s_article.PagePath);
            Progress.Say($"Concurrent saves: {ConcurrentSaves.Rounds} rounds, one save on each node at the same moment");
            var rounds = await ConcurrentSaves.RunAsync(adminA, adminB, s_article.ContentItemId);
            NodesReport.Propagation(report, [("recipe API: POST /riverbend/api/recipes with the host API key", byRecipe), ("admin editor: the Publish button", byAdmin)]);
            NodesReport.Saves(report, rounds);
        }
        catch (InvalidOperationException ex) when (Stopped(nodeA, nodeB) is { } stopped)
        {
            throw new InvalidOperationException(stopped, ex);
        }

        report.Fact("Nodes", Report.Invariant($"2 hosts on one PostgreSQL database, each with its own data folder and port; {listeners} connections listening on cms_changes once both ran (one per node); registry poll (the fallback) every {TimeSpan.Parse(RegistryPollInterval, CultureInfo.InvariantCulture).TotalSeconds:0} s"));
        await ThroughputAsync(workspace, nodeA, database);
        if (Stopped(nodeA, nodeB) is { } stoppedDuringRuns)
        {
            throw new InvalidOperationException(stoppedDuringRuns);
        }
    }

    // Node A (PostgreSQL, no page cache) against a SQLite host with no page cache over a data folder of its own.
    private static async Task ThroughputAsync(BenchWorkspace workspace, HostProcess nodeA, BenchDatabase database)
    {
        using var backends = new BackendCpu(database.ConnectionString);
        Progress.Say("SQLite host without a page cache, first run: creating the demo practice");
        using var sqlite = await StartAsync(workspace.Layout, Path.Combine(workspace.Path, "sqlite"), connectionString: null, pageCacheBytes: 0);
        await sqlite.WaitForPageAsync(PagesBenchmark.ArticlePath, s_pageTimeout);
        var postgresBytes = await nodeA.WaitForPageAsync(PagesBenchmark.ArticlePath, s_pageTimeout);
        var sqliteBytes = await sqlite.WaitForPageAsync(PagesBenchmark.ArticlePath, s_pageTimeout);
        LoadTarget[] targets =
        [
            new("SQLite, output cache off", new Uri(sqlite.BaseAddress, PagesBenchmark.ArticlePath), () => sqlite.Cpu ?? TimeSpan.Zero),
            new("PostgreSQL (node A), output cache off", new Uri(nodeA.BaseAddress, PagesBenchmark.ArticlePath), () => (nodeA.Cpu ?? TimeSpan.Zero) + backends.Total()),
        ];
        List<LoadRun> runs;
        try
        {
            await PageLoad.WarmUpAsync(targets);
            runs = await PageLoad.RoundsAsync(targets);
        }
        catch (InvalidOperationException ex) when (sqlite.ExitReport is { } exited)
        {
            throw new InvalidOperationException($"The SQLite host {exited}", ex);
        }

        if (sqlite.ExitReport is { } stopped)
        {
            throw new InvalidOperationException($"The SQLite host {stopped}");
        }

        NodesReport.Throughput(workspace.Report, runs, targets[0], targets[1]);
        workspace.Report.Fact("Article page served, SQLite / PostgreSQL (whose practice also holds the bench's own article)", Report.Invariant($"{sqliteBytes.Length:N0} B / {postgresBytes.Length:N0} B"));
    }

    /// <summary>
    /// A host of the demo practice logging at Warning; on PostgreSQL when a connection string is given (with the API key
    /// the recipe API takes and the slow registry poll), else on SQLite. A page cache of 0 bytes caches no page.
    /// </summary>
    private static async Task<HostProcess> StartAsync(HostLayout layout, string dataPath, string? connectionString, long? pageCacheBytes)
    {
        var settings = new Dictionary<string, string>
        {
            ["Cms__Setup__DemoTenant"] = PagesBenchmark.DemoTenant,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (connectionString is not null)
        {
            settings["Cms__Database__Provider"] = "Postgres";
            settings["Cms__Database__ConnectionString"] = connectionString;
            settings["Cms__Host__ApiKey"] = ApiKey;
            settings["Cms__Tenants__RegistryPollInterval"] = RegistryPollInterval;
        }

        if (pageCacheBytes is { } bytes)
        {
            settings["Cms__Practice__PageCacheBytes"] = bytes.ToString(CultureInfo.InvariantCulture);
        }

        var (host, _) = await HostProcess.StartAsync(layout, dataPath, PagesBenchmark.AdminPassword, settings);
        return host;
    }

    // As a practice manager publishes: the editor opened, the title changed, the Publish button; returns the POST's time.
    private static async Task<double> PublishFromEditorAsync(AdminClient admin, string title)
    {
        var (_, fields, _) = await admin.OpenEditorAsync(s_article.ContentItemId);
        var (milliseconds, _) = await admin.SaveAsync(s_article.ContentItemId, EditorTitle.With(fields, title), "publish");
        return milliseconds;
    }

    private static async Task<double> TimedAsync(Func<Task> publish)
    {
        var clock = Stopwatch.StartNew();
        await publish();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static string? Stopped(HostProcess nodeA, HostProcess nodeB) =>
        nodeA.ExitReport is { } a ? $"Node A {a}"
        : nodeB.ExitReport is { } b ? $"Node B {b}"
        : null;
}
