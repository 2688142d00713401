using System.Net;
using Cms.Content;
using Cms.Practice.Rendering;
using Cms.Tenancy;
using Cms.Web.Tests.Admin;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests.Changes;

/// <summary>
/// Issue 12, "Done means": a change made through each path (the editor, a recipe, the schedule, a series reorder, a
/// template, the settings, and another process) reaches exactly the pages that show it: those are rendered again and
/// show it, the others are served from the page cache unrendered, and the practice's runtime is not rebuilt.
/// </summary>
public sealed class ChangeReachesItsPagesTests : IClassFixture<CmsFactory>
{
    private const string Tenant = "riverbend";
    private const string Base = PublicSite.Base;
    private const string Grief = Base + "/articles/grief-doesnt-follow-a-schedule";
    private const string Marcus = Base + "/counselors/marcus-bell";
    private const string Fees = Base + "/fees-and-insurance";
    private const string Part3 = Base + "/articles/what-you-should-know-about-therapy-part-3";

    private readonly CmsFactory _factory;

    public ChangeReachesItsPagesTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task AnEditorsPublishReachesTheArticleItsListsItsAuthorAndTheRecentPostsAndNoOtherPage()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var editor = AdminSite.Base + "/admin/content/articlegrief00000000000001";
        // A publish dates the article now (as Orchard does): it becomes the newest, so every article page's recent posts show it.
        var shown = new[] { Grief, Base + "/articles", Base + "/topics/grief", PublicSite.Dana, Base + "/", PublicSite.Article1 };
        var notShown = new[] { PublicSite.Series, Marcus, Fees, Base + "/counselors", Base + "/topics/relationships" };
        var activations = await WarmAsync([.. shown, .. notShown]);

        var published = await AdminSite.PostFormAsync(admin, editor, (await AdminSite.FormFieldsAsync(admin, editor)).With("TitlePart.Title", "Grief Keeps No Calendar").With("action", "publish"));

        Assert.Equal(HttpStatusCode.Found, published.StatusCode);
        await AssertChangedAsync(shown, "Grief Keeps No Calendar");
        await AssertCachedAsync(notShown);
        Assert.Equal(activations, Runtimes.Activations);
    }

    [Fact]
    public async Task ARecipesNewArticleReachesTheListsItJoinsAndTheArticlesShowingRecentPostsAndNoOtherPage()
    {
        var shown = new[] { Base + "/", Base + "/articles", Base + "/topics/anxiety", PublicSite.Article1 };
        var notShown = new[] { PublicSite.Series, Marcus, Fees, Base + "/topics/relationships" };
        var activations = await WarmAsync([.. shown, .. notShown]);

        await PublicSite.ImportAsync(_factory.Client(), Base, PublicSite.ArticleRecipe("reachrecipearticle000001", "Recipe Brought This", "articles/reach-recipe", published: true));

        await AssertChangedAsync(shown, "Recipe Brought This");
        await AssertCachedAsync(notShown);
        Assert.Equal(activations, Runtimes.Activations);
    }

    [Fact]
    public async Task AScheduledPublishReachesTheListsItJoinsAndNoOtherPage()
    {
        const string Id = "reachscheduledarticle001";
        await PublicSite.ImportAsync(_factory.Client(), Base, PublicSite.ArticleRecipe(Id, "Scheduled To Appear", "articles/reach-scheduled", published: false));
        var shown = new[] { Base + "/articles", Base + "/topics/anxiety" };
        var notShown = new[] { PublicSite.Series, Marcus, Fees };
        var activations = await WarmAsync([.. shown, .. notShown]);
        var scheduler = _factory.Services.GetRequiredService<ScheduledPublishing>();
        await scheduler.ScheduleAsync(Tenant, Id, DateTimeOffset.UtcNow.AddMinutes(-1), "admin", default);

        Assert.Equal(1, await scheduler.PublishDueAsync(default));

        await AssertChangedAsync(shown, "Scheduled To Appear");
        await AssertCachedAsync(notShown);
        Assert.Equal(activations, Runtimes.Activations);
    }

    [Fact]
    public async Task ASeriesReorderReachesTheSeriesAndItsPartsAndNoOtherPage()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var parts = AdminSite.Base + "/admin/series/serieswhatyoushouldknow001/parts";
        var order = (await PublicSite.PageAsync(admin, parts)).QuerySelectorAll("tbody tr").Select(tr => tr.GetAttribute("data-id")!).ToList();
        var shown = new[] { PublicSite.Series, PublicSite.Article1, PublicSite.Article2, Part3 };
        var notShown = new[] { Grief, Marcus, Fees, Base + "/counselors" };
        var activations = await WarmAsync([.. shown, .. notShown]);
        var firstBefore = (await PublicSite.PageAsync(_factory.Client(), PublicSite.Series)).QuerySelector(".series-parts li > a")!.TextContent;

        var moved = await AdminSite.PostFormAsync(admin, parts, [new("article", order[1]), new("direction", "-1")], "Move");

        Assert.Equal(HttpStatusCode.Found, moved.StatusCode);
        foreach (var path in shown)
        {
            Assert.False(await CachedAsync(path), $"{path} shows the series' order and was still served from the cache.");
        }

        Assert.NotEqual(firstBefore, (await PublicSite.PageAsync(_factory.Client(), PublicSite.Series)).QuerySelector(".series-parts li > a")!.TextContent);
        await AssertCachedAsync(notShown);
        Assert.Equal(activations, Runtimes.Activations);
    }

    [Fact]
    public async Task ATemplateChangeReachesThePagesAndKeepsTheRuntime()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var activations = await WarmAsync([Fees]);

        var saved = await AdminSite.PostFormAsync(admin, AdminSite.Base + "/admin/templates/page", [new("Source", "<h1>{{ PageItem.Title }} (templated)</h1>"), new("PreviewPath", "/fees-and-insurance")], "Save");

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        try
        {
            await AssertChangedAsync([Fees], "(templated)");
            Assert.Equal(activations, Runtimes.Activations);
        }
        finally
        {
            await AdminSite.PostFormAsync(admin, AdminSite.Base + "/admin/templates/page", [new("Source", "")], "Reset");
        }
    }

    [Fact]
    public async Task ASettingsChangeReachesEveryPageAndKeepsTheRuntime()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var settings = AdminSite.Base + "/admin/settings";
        var activations = await WarmAsync([Marcus, Fees]);

        var saved = await AdminSite.PostFormAsync(admin, settings, (await AdminSite.FormFieldsAsync(admin, settings)).With("PracticeSettings.Phone", "(845) 555-0199"));

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        await AssertChangedAsync([Marcus, Fees], "(845) 555-0199");
        Assert.Equal(activations, Runtimes.Activations);
    }

    [Fact]
    public async Task AChangeMadeByAnotherProcessReachesThePagesOnceTheRegistryIsRead()
    {
        const string Id = "reachcliarticle000000001";
        await PublicSite.ImportAsync(_factory.Client(), Base, PublicSite.ArticleRecipe(Id, "Before The CLI", "articles/reach-cli", published: true));
        await WarmAsync([Base + "/articles/reach-cli"]);
        var recipe = Path.Combine(_factory.DataPath, "reach-cli.recipe.json");
        await File.WriteAllTextAsync(recipe, PublicSite.ArticleRecipe(Id, "After The CLI", "articles/reach-cli", published: true));

        var (code, _, error) = await new PracticeCli(_factory).RunAsync("recipes", "import", "--tenant", Tenant, recipe);

        Assert.True(code == 0, error);
        await Eventually.AnswerAsync(() => _factory.Client().GetStringAsync(Base + "/articles/reach-cli"), page => page.Contains("After The CLI", StringComparison.Ordinal));
        Assert.Contains("After The CLI", (await PublicSite.PageAsync(_factory.Client(), Base + "/articles/reach-cli")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    private TenantRuntimeCache Runtimes => _factory.Services.GetRequiredService<TenantRuntimeCache>();

    // Renders each page (so it is cached) and checks the next request is served from the cache; returns the activations.
    private async Task<long> WarmAsync(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            await PublicSite.PageAsync(_factory.Client(), path);
            Assert.True(await CachedAsync(path), $"{path} was not cached after it was rendered.");
        }

        return Runtimes.Activations;
    }

    private async Task AssertChangedAsync(IEnumerable<string> paths, string text)
    {
        foreach (var path in paths)
        {
            Assert.False(InCache(path), $"{path} shows what changed, yet it is still in the cache.");
            var html = await _factory.Client().GetStringAsync(path);
            Assert.True(html.Contains(text, StringComparison.Ordinal), $"{path} does not show \"{text}\" after the change.");
        }
    }

    private async Task AssertCachedAsync(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            Assert.True(await CachedAsync(path), $"{path} does not show what changed, yet it was evicted.");
        }
    }

    // Whether the request is answered from the cache: the page is in the cache of the practice's theme before it, and
    // the theme (so the runtime) is the same after it.
    private async Task<bool> CachedAsync(string path)
    {
        var theme = Theme();
        var cached = InCache(path);
        using var response = await _factory.Client().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return cached && ReferenceEquals(theme, Theme());
    }

    // The cache's key for a page of the test client: the origin its links name, then the path.
    private bool InCache(string path) => Theme()?.Cache.TryGet("http://localhost" + path, out _) == true;

    private PracticeTheme? Theme() => Runtimes.Active(Tenant)?.Peek<PracticeTheme>();
}
