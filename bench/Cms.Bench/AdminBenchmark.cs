using System.Diagnostics;
using System.Globalization;

namespace Cms.Bench;

/// <summary>
/// The admin of a practice with 100,000 articles, used by one person: content list searches (p95 ≤ 200 ms) and
/// saves from the editor (p95 ≤ 300 ms), one request at a time over one kept-alive connection, against the real
/// host. The demo practice is made by the host's first run; the articles are imported with the CLI. Besides the
/// targets: the content list without a search, the media page, a second save of the same draft, publishing, and the
/// public article page right after a publish.
/// </summary>
internal static class AdminBenchmark
{
    public const int Articles = 100_000;

    /// <summary>A counselor of the demo practice's sample content: the author of every generated article.</summary>
    public const string AuthorId = "counselordanawhitfield0001";

    private const string UserName = "admin";
    private const int Searches = 200;
    private const int Saves = 200;
    private const int Publishes = 50;
    private const int Resaves = 50;
    private const int PublicChecks = 5;
    private const int MediaPages = 20;
    private const int WarmUpSearches = 30;
    private const int WarmUpSaves = 20;
    private const double TargetSaveP95 = 300;
    private const double TargetSearchP95 = 200;

    /// <summary>A word that only the bench's edits put in a body, to check afterwards that the saves are searchable.</summary>
    private const string EditMarker = "benchrevision";

    private static readonly TimeSpan s_importLimit = TimeSpan.FromMinutes(30);

    public static async Task<Report> RunAsync(bool keepData)
    {
        using var workspace = BenchWorkspace.Open("Admin", "cms-bench-admin-", keepData);
        var (layout, scratch, report) = (workspace.Layout, workspace.Path, workspace.Report);
        var dataPath = Path.Combine(scratch, "data");
        Progress.Say("First run of the host: creating the demo practice");
        using (var first = await PagesBenchmark.StartHostAsync(layout, dataPath, pageCacheBytes: null))
        {
            await first.WaitForPageAsync(PagesBenchmark.ArticlePath, TimeSpan.FromSeconds(60));
        }

        await ImportArticlesAsync(layout, dataPath, scratch, report, Articles);

        Progress.Say("Starting the host");
        using var host = await PagesBenchmark.StartHostAsync(layout, dataPath, pageCacheBytes: null);
        using var admin = await AdminClient.SignInAsync(host.BaseAddress, PagesBenchmark.DemoTenant, UserName, PagesBenchmark.AdminPassword);
        try
        {
            await MeasureAsync(host, admin, report);
        }
        catch (InvalidOperationException ex) when (host.ExitReport is { } exited)
        {
            throw new InvalidOperationException($"The host {exited}", ex);
        }

        return report;
    }

    /// <summary>Writes a recipe of that many articles by <see cref="AuthorId"/> and imports it into the demo practice with the CLI.</summary>
    public static async Task ImportArticlesAsync(HostLayout layout, string dataPath, string scratch, Report report, int articles)
    {
        Progress.Say($"Writing a recipe with {articles:N0} articles by {AuthorId}");
        var clock = Stopwatch.StartNew();
        var recipe = await ArticleRecipe.WriteForPracticeAsync(Path.Combine(scratch, "practice-articles.recipe.json"), articles, AuthorId, CancellationToken.None);
        report.Fact(
            Report.Invariant($"Recipe with {articles:N0} articles for the demo practice's Article type (bench setup), one in {ArticleRecipe.DraftEvery} a draft never published"),
            Report.Invariant($"{Report.Bytes(recipe.Bytes)}, Markdown {recipe.MeanMarkdownBytes:N0} B per article on average, written in {clock.Elapsed.TotalSeconds:0.0} s"));

        Progress.Say($"recipes import --tenant {PagesBenchmark.DemoTenant} ({recipe.Items:N0} items)");
        var cli = new HostCli(layout, dataPath, PagesBenchmark.AdminPassword);
        var run = await cli.RunAsync(s_importLimit, "recipes", "import", "--tenant", PagesBenchmark.DemoTenant, recipe.Path)
            ?? throw new TimeoutException($"The import of {recipe.Items:N0} articles ran longer than {s_importLimit.TotalMinutes:0} min.");
        File.Delete(recipe.Path);
        var imported = RecipeRuns.Counts(run).GetValueOrDefault("items imported");
        if (imported != recipe.Items)
        {
            throw new InvalidOperationException($"Expected {recipe.Items} items imported; the CLI said: {run.Output}");
        }

        var folder = Path.Combine(dataPath, "Sites", PagesBenchmark.DemoTenant);
        var databaseBytes = Directory.Exists(folder) ? Directory.EnumerateFiles(folder).Sum(f => new FileInfo(f).Length) : 0;
        report.Fact(
            Report.Invariant($"Import of the {recipe.Items:N0} articles into {PagesBenchmark.DemoTenant} (CLI, bench setup)"),
            Report.Invariant($"{run.Elapsed.TotalSeconds:0.0} s ({RecipeRuns.ItemsPerSecond(recipe.Items, run):N0} items/s); the practice's database (with its sample content) is then {Report.Bytes(databaseBytes)}"));
    }

    private static async Task MeasureAsync(HostProcess host, AdminClient admin, Report report)
    {
        var saveIndexes = SaveIndexes();
        var searches = SearchPlan(new Random(2026));

        // Warm-up: the practice's first request activates it, and every code path is run before it is timed.
        Progress.Say("Warming up");
        foreach (var (_, query) in SearchPlan(new Random(7)).Take(WarmUpSearches))
        {
            await admin.ListAsync(query);
        }

        for (var i = 0; i < WarmUpSaves; i++)
        {
            await SaveAsync(admin, saveIndexes.WarmUp[i], i, i % 2 == 0 ? "draft" : "publish");
        }

        var machine = CpuTime.MachineBusy();
        var bench = Environment.CpuUsage.TotalTime;
        var hostCpu = host.Cpu ?? TimeSpan.Zero;
        var wall = Stopwatch.StartNew();

        Progress.Say($"{Searches} content list searches");
        var searched = new List<(string Kind, string Query, double Milliseconds, int Total)>();
        foreach (var (kind, query) in searches)
        {
            var (elapsed, total) = await admin.ListAsync(query);
            searched.Add((kind, query, elapsed, total));
        }

        var searchCpu = (host.Cpu ?? TimeSpan.Zero) - hostCpu;

        Progress.Say("Content list without a search");
        var listed = new List<(string Kind, double Milliseconds, int Total)>();
        foreach (var (kind, query) in ListPlan())
        {
            var (elapsed, total) = await admin.ListAsync(query);
            listed.Add((kind, elapsed, total));
        }

        // The media page names the items that use each file, and marks the files nothing uses.
        Progress.Say($"{MediaPages} views of the media page");
        var mediaPages = new List<double>();
        for (var i = 0; i < MediaPages; i++)
        {
            mediaPages.Add((await admin.GetAsync("admin/media")).Milliseconds);
        }

        Progress.Say($"{Saves} saves (draft) and {Publishes} publishes from the editor");
        var saveCpuStart = host.Cpu ?? TimeSpan.Zero;
        var saves = new List<SaveTimes>();
        for (var i = 0; i < Saves; i++)
        {
            saves.Add(await SaveAsync(admin, saveIndexes.Drafts[i], WarmUpSaves + i, "draft"));
        }

        var saveCpu = (host.Cpu ?? TimeSpan.Zero) - saveCpuStart;
        var publishes = new List<SaveTimes>();
        for (var i = 0; i < Publishes; i++)
        {
            publishes.Add(await SaveAsync(admin, saveIndexes.Publishes[i], WarmUpSaves + Saves + i, "publish"));
        }

        // A person saves a draft, edits on, saves again: the second save updates the draft version in place.
        var resaves = new List<SaveTimes>();
        for (var i = 0; i < Resaves; i++)
        {
            resaves.Add(await SaveAsync(admin, saveIndexes.Drafts[i], WarmUpSaves + Saves + Publishes + i, "draft"));
        }

        var elapsedWall = wall.Elapsed;
        var others = (CpuTime.MachineBusy() - machine - ((host.Cpu ?? TimeSpan.Zero) - hostCpu) - (Environment.CpuUsage.TotalTime - bench)) / elapsedWall;
        var adminOnlyRss = host.ResidentBytes;

        // What a publish costs the public site: the next page the practice serves waits for its site model to be rebuilt.
        // The first public request of the run builds it once, untimed, so the publishes below each find it built.
        Progress.Say($"{PublicChecks} publishes, each followed by the public article page");
        var firstPublic = await host.TimeGetAsync(PagesBenchmark.ArticlePath);
        var publicAfter = new List<double>();
        var publicWarm = new List<double>();
        for (var i = 0; i < PublicChecks; i++)
        {
            await SaveAsync(admin, saveIndexes.PublicChecks[i], WarmUpSaves + Saves + Publishes + Resaves + i, "publish");
            publicAfter.Add(await host.TimeGetAsync(PagesBenchmark.ArticlePath));
            publicWarm.Add(await host.TimeGetAsync(PagesBenchmark.ArticlePath));
        }

        // The edits are in the search index: every item saved (its latest version is the edit) has the marker word.
        var (_, marked) = await admin.ListAsync("q=" + EditMarker);
        var savedItems = saveIndexes.WarmUp.Concat(saveIndexes.Drafts).Concat(saveIndexes.Publishes).Concat(saveIndexes.PublicChecks).Distinct().Count();

        var searchTimes = Distribution.Of(searched.Select(s => s.Milliseconds));
        var postTimes = Distribution.Of(saves.Select(s => s.Post));
        report.Target(
            Report.Invariant($"Content list search p95 ({Searches} searches, {Articles:N0} articles)"),
            Report.Ms(searchTimes.P95),
            Report.Invariant($"≤ {TargetSearchP95:0} ms"),
            searchTimes.P95 <= TargetSearchP95);
        report.Target(
            Report.Invariant($"Admin save p95: POST of the editor, save draft ({Saves} items)"),
            Report.Ms(postTimes.P95),
            Report.Invariant($"≤ {TargetSaveP95:0} ms"),
            postTimes.P95 <= TargetSaveP95);

        var table = report.Table(
            "Latency in milliseconds (nearest-rank percentiles), each request timed from sending it to the last byte of the answer; one client, one request at a time:",
            "Operation", "n", "p50", "p95", "p99", "max", "mean");
        Row(table, "Content list search (`?q=`, mixed, see below)", searched.Select(s => s.Milliseconds));
        Row(table, "Editor: GET before a save draft", saves.Select(s => s.Get));
        Row(table, "Save draft: POST of the editor (302)", saves.Select(s => s.Post));
        Row(table, "… of those, a published article (a new draft version is added)", saves.Where(s => !s.WasDraft).Select(s => s.Post));
        Row(table, "… of those, a draft article (its draft version is updated)", saves.Where(s => s.WasDraft).Select(s => s.Post));
        Row(table, "Editor again after the save (the redirect's GET)", saves.Select(s => s.After));
        Row(table, "Save draft again: POST, the same items' drafts a second time (updated)", resaves.Select(s => s.Post));
        Row(table, "Editor: GET before a publish", publishes.Select(s => s.Get));
        Row(table, "Publish: POST of the editor (302)", publishes.Select(s => s.Post));
        Row(table, "Editor again after publishing (the redirect's GET)", publishes.Select(s => s.After));
        Row(table, "Public article page, first request after a publish", publicAfter);
        Row(table, "Public article page, the request after that", publicWarm);
        foreach (var group in listed.GroupBy(l => l.Kind))
        {
            Row(table, group.Key, group.Select(l => l.Milliseconds));
        }

        Row(table, "Media page (the library, with the items using each file)", mediaPages);

        var byKind = report.Table(
            "The searches by kind of query (the same run); \"Items\" is the count the list showed, median of the kind:",
            "Searches", "n", "Items", "p50", "p95", "max");
        foreach (var group in searched.GroupBy(s => s.Kind))
        {
            var times = Distribution.Of(group.Select(s => s.Milliseconds));
            byKind.Add([
                group.Key,
                Report.Invariant($"{times.Count:N0}"),
                Report.Invariant($"{Distribution.Of(group.Select(s => (double)s.Total)).P50:N0}"),
                Report.Invariant($"{times.P50:0.0}"),
                Report.Invariant($"{times.P95:0.0}"),
                Report.Invariant($"{times.Max:0.0}"),
            ]);
        }

        var slowest = searched.OrderByDescending(s => s.Milliseconds).Take(5)
            .Select(s => Report.Invariant($"`{s.Query}` {s.Milliseconds:0} ms ({s.Total:N0} items)"));
        report.Fact("Slowest searches", string.Join("; ", slowest));
        report.Fact(
            "Host CPU per request (user and system time over the requests)",
            Report.Invariant($"search {searchCpu.TotalMilliseconds / Searches:0.0} ms; save draft cycle (editor GET, POST, redirect GET) {saveCpu.TotalMilliseconds / Saves:0.0} ms"));
        report.Fact(
            "Other processes' CPU during the measured requests (near 0 on a quiet machine)",
            Report.Invariant($"{Math.Max(0, others):0.00} cores over {elapsedWall.TotalSeconds:0} s"));
        report.Fact("First public article page of the run, after the admin requests (builds the practice's site model)", Report.Ms(firstPublic));
        report.Fact("Host RSS after the admin requests, before any public page / after the public pages", Report.Invariant($"{Report.Bytes(adminOnlyRss)} / {Report.Bytes(host.ResidentBytes)}"));
        report.Fact(
            Report.Invariant($"Search for the word only the bench's edits add (`q={EditMarker}`), after saving {savedItems} items"),
            Report.Invariant($"{marked:N0} items listed"));
    }

    private static void Row(List<string[]> table, string name, IEnumerable<double> samples)
    {
        var list = samples.ToList();
        var times = Distribution.Of(list);
        table.Add([
            name,
            Report.Invariant($"{times.Count:N0}"),
            Report.Invariant($"{times.P50:0.0}"),
            Report.Invariant($"{times.P95:0.0}"),
            Report.Invariant($"{times.P99:0.0}"),
            Report.Invariant($"{times.Max:0.0}"),
            Report.Invariant($"{list.Average():0.0}"),
        ]);
    }

    /// <summary>Opens an article's editor, changes its title and body, posts the form back and loads the page it redirects to.</summary>
    /// <summary>Opens a generated article's editor, revises its title and body, and saves or publishes it.</summary>
    public static async Task<SaveTimes> SaveAsync(AdminClient admin, int index, int edit, string action)
    {
        var id = ArticleRecipe.ArticleId(index);
        var (get, fields, status) = await admin.OpenEditorAsync(id);
        var changed = false;
        for (var i = 0; i < fields.Count; i++)
        {
            var (name, value) = fields[i];
            if (name is "TitlePart.Title" or "MarkdownBodyPart.Markdown")
            {
                fields[i] = new(name, name == "TitlePart.Title"
                    ? Report.Invariant($"{value} (revised {edit + 1})")
                    : Report.Invariant($"{value}\n\nRevised: {EditMarker} {edit + 1}, a sentence on what changed since the last version."));
                changed = true;
            }
        }

        if (!changed || !fields.Any(f => f.Key == "OpenedVersion") || !fields.Any(f => f.Key == "__RequestVerificationToken"))
        {
            throw new InvalidOperationException($"The editor of article {index} ({id}) lacks a title, body, OpenedVersion or antiforgery field: {string.Join(", ", fields.Select(f => f.Key).Distinct())}");
        }

        var wasDraft = status != "published";
        var (post, location) = await admin.SaveAsync(id, fields, action);
        var after = await admin.FollowAsync(location);
        return new SaveTimes(get, post, after, wasDraft);
    }

    /// <summary>Articles spread over the whole practice, different for the warm-up, the draft saves, the publishes and the public page checks.</summary>
    private static (int[] WarmUp, int[] Drafts, int[] Publishes, int[] PublicChecks) SaveIndexes()
    {
        // 7,919 is prime, so the steps visit distinct articles all over the range (and the drafts among them).
        var all = Enumerable.Range(0, WarmUpSaves + Saves + Publishes + PublicChecks).Select(i => (int)((i * 7_919L + 1_234) % Articles)).ToArray();
        var (drafts, publishes) = (WarmUpSaves + Saves, WarmUpSaves + Saves + Publishes);
        return (all[..WarmUpSaves], all[WarmUpSaves..drafts], all[drafts..publishes], all[publishes..]);
    }

    /// <summary>
    /// The searches, shuffled: words of every generated article, of one topic in seven, of one source in four, two
    /// words together, an article's number (a handful of matches), words only the sample content has, and no match;
    /// then a few with the type or status filter and a later page.
    /// </summary>
    private static List<(string Kind, string Query)> SearchPlan(Random random)
    {
        string[] everywhere = ["therapy", "counselor", "relationship", "sessions", "research", "practice", "crisis", "weekly"];
        string[] topic = ["grief", "burnout", "panic", "obsessive", "teenager", "couples", "stove", "weekends", "train", "father"];
        string[] source = ["contextual", "psychological", "foundation", "illness"];
        string[] pairs = ["grief psychological", "panic foundation", "burnout contextual", "teenager illness", "father foundation", "stove psychological"];
        string[] sample = ["intrusive", "superbill", "suicide", "bereavement", "exposure response"];
        string[] none = ["zebra", "xylophone", "quasar"];

        var plan = new List<(string Kind, string Query)>();
        void Add(string kind, IReadOnlyList<string> queries, int count)
        {
            for (var i = 0; i < count; i++)
            {
                plan.Add((kind, queries[i % queries.Count]));
            }
        }

        static string Q(string words, string filters = "") => "q=" + Uri.EscapeDataString(words) + filters;

        Add("A word of every generated article", [.. everywhere.Select(w => Q(w))], 40);
        Add(Report.Invariant($"A word of one topic (1 article in {ArticleMarkdown.Topics})"), [.. topic.Select(w => Q(w))], 40);
        Add("A word of one source (1 article in 4)", [.. source.Select(w => Q(w))], 25);
        Add("Two words (topic and source, 1 article in 28)", [.. pairs.Select(w => Q(w))], 20);
        Add("An article's number (\"article 12,345\")", [.. Enumerable.Range(0, 20).Select(_ => Q("article " + (random.Next(Articles) + 1).ToString("N0", CultureInfo.InvariantCulture)))], 20);
        Add("Words only in the sample content", [.. sample.Select(w => Q(w))], 10);
        Add("No match", [.. none.Select(w => Q(w))], 5);
        Add("A topic word, Articles only (`&type=Article`)", [.. topic.Select(w => Q(w, "&type=Article"))], 15);
        Add("A topic word, drafts only (`&status=draft`)", [.. topic.Select(w => Q(w, "&status=draft"))], 15);
        Add("A common word, a later page (`&p=2` to `&p=6`)", [.. everywhere.Select((w, i) => Q(w, "&p=" + (2 + (i % 5)).ToString(CultureInfo.InvariantCulture)))], 10);
        if (plan.Count != Searches)
        {
            throw new InvalidOperationException($"The search plan has {plan.Count} searches, not {Searches}.");
        }

        return [.. plan.OrderBy(_ => random.Next())];
    }

    /// <summary>The list as the admin opens it, no search: newest change first, and filtered by type or status.</summary>
    private static IEnumerable<(string Kind, string Query)> ListPlan()
    {
        for (var i = 0; i < 10; i++)
        {
            yield return ("Content list, no search (first page)", "");
            yield return ("Content list, no search, `?type=Article`", "type=Article");
            yield return ("Content list, no search, `?status=draft`", "status=draft");
        }
    }

    /// <param name="WasDraft">Whether the item's latest version was a draft when the editor opened: the save then updates that version.</param>
    internal sealed record SaveTimes(double Get, double Post, double After, bool WasDraft);
}
