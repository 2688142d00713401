using Cms.Practice.Rendering;
using Cms.Tenancy;
using Cms.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests.Practice;

/// <summary>
/// Issue 12, item 2 (the cache's side): each cached page is tagged with the items it shows and the lists it is, and
/// evicting an item's id removes exactly the pages showing it.
/// </summary>
public sealed class PageTagTests
{
    private const string Article2Id = "articletherapypart20000001";
    private const string Origin = "http://localhost";

    private static readonly string[] s_showingArticle2 =
    [
        PublicSite.Article2, PublicSite.Series, PublicSite.Article1, PublicSite.Base + "/articles/what-you-should-know-about-therapy-part-3",
        PublicSite.Base + "/articles", PublicSite.Base + "/topics/starting-therapy", PublicSite.Base + "/feed.xml", PublicSite.Base + "/series/what-you-should-know-about-therapy/feed.xml",
    ];

    private static readonly string[] s_notShowingIt =
    [
        PublicSite.Base + "/counselors/marcus-bell", PublicSite.Base + "/counselors", PublicSite.Base + "/contact", PublicSite.Base + "/topics/grief", PublicSite.Base + "/robots.txt",
    ];

    [Fact]
    public async Task EvictingAnArticlesIdRemovesItsPageItsSeriesAndTheListsHoldingItAndNothingElse()
    {
        using var factory = new CmsFactory();
        var client = factory.Client();
        foreach (var path in s_showingArticle2.Concat(s_notShowingIt))
        {
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
        }

        var cache = await CacheAsync(factory);
        Assert.All(s_showingArticle2.Concat(s_notShowingIt), path => Assert.True(cache.TryGet(Origin + path, out _), $"{path} was not cached."));

        Assert.Equal(s_showingArticle2.Length, cache.Evict([Article2Id]));

        Assert.All(s_showingArticle2, path => Assert.False(cache.TryGet(Origin + path, out _), $"{path} shows the article and was kept."));
        Assert.All(s_notShowingIt, path => Assert.True(cache.TryGet(Origin + path, out _), $"{path} does not show the article and was evicted."));
    }

    [Fact]
    public async Task PagesAreTaggedWithTheirListsAndEveryPageWithTheSite()
    {
        using var factory = new CmsFactory();
        var client = factory.Client();
        foreach (var path in new[] { "/", "/articles", "/counselors", "/series", "/topics/grief", "/sitemap.xml", "/counselors/marcus-bell" })
        {
            (await client.GetAsync(PublicSite.Base + path)).EnsureSuccessStatusCode();
        }

        var cache = await CacheAsync(factory);
        Assert.True(cache.TryGet(Origin + PublicSite.Base + "/counselors/marcus-bell", out var marcus));
        Assert.Contains("counselormarcusbell0000001", marcus.Tags);
        Assert.Contains("articlecouplesconflict0001", marcus.Tags);
        Assert.DoesNotContain(Article2Id, marcus.Tags);

        Assert.Equal(1, cache.Evict([PageTags.Topic("grief")]));
        Assert.Equal(2, cache.Evict([PageTags.Articles]));
        Assert.Equal(1, cache.Evict([PageTags.Counselors]));
        Assert.Equal(1, cache.Evict([PageTags.Sitemap]));
        Assert.Equal(1, cache.Evict([PageTags.Series]));
        Assert.Equal(1, cache.Evict([PageTags.Site]));
        Assert.Equal(0, cache.Count);
        Assert.Equal(0, cache.Bytes);
    }

    private static async Task<PageCache> CacheAsync(CmsFactory factory)
    {
        var settings = factory.Services.GetRequiredService<TenantRegistry>().Table.FindByName("riverbend")!;
        var runtime = await factory.Services.GetRequiredService<TenantRuntimeCache>().GetAsync(settings, default);
        return runtime.State<PracticeTheme>(_ => throw new InvalidOperationException("The practice's pages were never rendered.")).Cache;
    }
}
