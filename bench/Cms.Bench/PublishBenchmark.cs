using Cms.Practice.Site;
using Cms.Tenancy;

namespace Cms.Bench;

/// <summary>
/// What a publish costs the public site of a practice of 10,000 and of 100,000 articles (issue 12): the first public
/// pages after a publish from the editor (target ≤ 50 ms), and the site model's memory per article (target ≤ 1 KB),
/// measured in-process over the same data after the host stopped. Each size in a data folder of its own.
/// </summary>
internal static class PublishBenchmark
{
    private const int Publishes = 10;
    private const double TargetMs = 50;
    private const double TargetBytesPerArticle = 1024;
    private static readonly int[] s_sizes = [10_000, 100_000];

    public static async Task<Report> RunAsync(bool keepData)
    {
        using var workspace = BenchWorkspace.Open("Publish", "cms-bench-publish-", keepData);
        var report = workspace.Report;
        var table = report.Table(
            "Milliseconds from sending the request to the last byte, one client, each the first request for that page after a publish from the editor (the article is dated now, so it joins every list and every article page's recent posts):",
            "Articles", "Page", "n", "p50", "p95", "max");
        foreach (var size in s_sizes)
        {
            var scratch = Path.Combine(workspace.Path, size.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(scratch);
            var dataPath = Path.Combine(scratch, "data");
            Progress.Say($"{size:N0} articles: first run of the host");
            using (var first = await PagesBenchmark.StartHostAsync(workspace.Layout, dataPath, pageCacheBytes: null))
            {
                await first.WaitForPageAsync(PagesBenchmark.ArticlePath, TimeSpan.FromSeconds(60));
            }

            await AdminBenchmark.ImportArticlesAsync(workspace.Layout, dataPath, scratch, report, size);
            await MeasurePublishesAsync(workspace.Layout, dataPath, size, report, table);
            await MeasureSiteModelAsync(dataPath, size, report);
        }

        return report;
    }

    private static async Task MeasurePublishesAsync(HostLayout layout, string dataPath, int size, Report report, List<string[]> table)
    {
        Progress.Say($"{size:N0} articles: {Publishes} publishes, each followed by the public pages");
        using var host = await PagesBenchmark.StartHostAsync(layout, dataPath, pageCacheBytes: null);
        using var admin = await AdminClient.SignInAsync(host.BaseAddress, PagesBenchmark.DemoTenant, "admin", PagesBenchmark.AdminPassword);
        var home = PagesBenchmark.DemoTenant + "/";
        var firstLoad = await host.TimeGetAsync(PagesBenchmark.ArticlePath);
        await host.TimeGetAsync(home);
        var article = new List<double>();
        var homePage = new List<double>();
        for (var i = 0; i < Publishes; i++)
        {
            // Spread over the practice, skipping the drafts the recipe leaves (one in ArticleRecipe.DraftEvery).
            var index = (int)((i * 7_919L + 1_235) % size);
            await AdminBenchmark.SaveAsync(admin, index, i, "publish");
            article.Add(await host.TimeGetAsync(PagesBenchmark.ArticlePath));
            homePage.Add(await host.TimeGetAsync(home));
        }

        table.Add(Row(size, "An article (not the one published)", article));
        table.Add(Row(size, "The home page", homePage));
        var p95 = Distribution.Of(article).P95;
        report.Target(Report.Invariant($"First article page after a publish, {size:N0} articles, p95 of {Publishes}"), Report.Ms(p95), Report.Invariant($"≤ {TargetMs:0} ms"), p95 <= TargetMs);
        report.Fact(Report.Invariant($"First public page after the host started, {size:N0} articles (the site model loaded from every article)"), Report.Ms(firstLoad));
    }

    // In-process over the data the host left: the model's bytes on the managed heap.
    private static async Task MeasureSiteModelAsync(string dataPath, int size, Report report)
    {
        Progress.Say($"{size:N0} articles: the site model's memory and an update's time, in-process");
        await using var services = await BenchServices.CreateAsync(dataPath, PagesBenchmark.AdminPassword, maxActive: 4);
        var settings = (await services.Get<TenantManager>().FindAsync(PagesBenchmark.DemoTenant, CancellationToken.None))!;
        var runtime = await services.Get<TenantRuntimeCache>().GetAsync(settings, CancellationToken.None);
        // The heap with the model held, then with it dropped: the difference is the model's, not what the process's first
        // load keeps for the process (EF Core's compiled queries) nor anything else built on the way.
        var (count, held) = await LoadAndWeighAsync(runtime);
        var bytes = held - Memory.ManagedHeapAfterFullGc();
        var site = await PracticeSiteLoader.LoadAsync(runtime, CancellationToken.None);
        var perArticle = (double)bytes / count;
        report.Target(
            Report.Invariant($"Site model memory per published article, {count:N0} published (managed heap with the model held less without it)"),
            Report.Invariant($"{perArticle:N0} B ({Report.Bytes(bytes)} in all)"),
            Report.Invariant($"≤ {TargetBytesPerArticle:N0} B"),
            perArticle <= TargetBytesPerArticle);

        // An update for one article, as a publish makes it (its row read, the lists made anew), timed in-process.
        var times = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            site = await PracticeSiteLoader.UpdateAsync(site, runtime, [ArticleRecipe.ArticleId(i * 13 % size)], CancellationToken.None);
            times.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var update = Distribution.Of(times.Skip(5));
        report.Fact(Report.Invariant($"Site model update for one changed article, {size:N0} articles, in-process (p50 / max of 15, after 5 untimed)"), Report.Invariant($"{update.P50:0.0} ms / {update.Max:0.0} ms"));
        GC.KeepAlive(site);
    }

    // The site's article count and the managed heap while the site is held; the site is gone when this returns.
    private static async Task<(int Count, long Held)> LoadAndWeighAsync(TenantRuntime runtime)
    {
        var site = await PracticeSiteLoader.LoadAsync(runtime, CancellationToken.None);
        var held = Memory.ManagedHeapAfterFullGc();
        GC.KeepAlive(site);
        return (site.Articles.Count, held);
    }

    private static string[] Row(int size, string page, List<double> times)
    {
        var d = Distribution.Of(times);
        return [Report.Invariant($"{size:N0}"), page, Report.Invariant($"{d.Count}"), Report.Invariant($"{d.P50:0.0}"), Report.Invariant($"{d.P95:0.0}"), Report.Invariant($"{d.Max:0.0}")];
    }
}
