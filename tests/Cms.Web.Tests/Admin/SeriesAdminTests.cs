using System.Net;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>Reordering a series' parts in the admin, with its drafts in view.</summary>
public sealed class SeriesAdminTests : IClassFixture<CmsFactory>
{
    private const string Parts = AdminSite.Base + "/admin/series/serieswhatyoushouldknow001/parts";

    private readonly CmsFactory _factory;

    public SeriesAdminTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task MovingAPartUpSwapsItsPlaceOnThePublicSiteAndDraftsAreListed()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await PublicSite.ImportAsync(_factory.Client(), AdminSite.Base, PublicSite.ArticleRecipe("seriesdraftpart000000004", "Therapy, Part 4: A Draft", "articles/therapy-part-4-draft", published: false, "serieswhatyoushouldknow001", part: 4));

        var before = await PublicSite.PageAsync(admin, Parts);
        Assert.Equal(["1", "2", "3", "4"], before.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent));
        Assert.Equal("Draft", before.QuerySelectorAll("tbody tr")[3].QuerySelector(".status")!.TextContent);

        var moved = await AdminSite.PostFormAsync(admin, Parts, [new("article", "articletherapypart30000001"), new("direction", "-1")], "Move");

        Assert.Equal(HttpStatusCode.Found, moved.StatusCode);
        var series = await PublicSite.PageAsync(_factory.Client(), PublicSite.Series);
        var titles = series.QuerySelectorAll(".series-parts li > a").Select(a => a.TextContent).ToList();
        Assert.Equal(3, titles.Count);
        Assert.Contains("Part 3: How to Tell Whether Therapy Is Helping", titles[1], StringComparison.Ordinal);
        Assert.Contains("Part 2: Your First Few Sessions", titles[2], StringComparison.Ordinal);
        var article = await PublicSite.PageAsync(_factory.Client(), AdminSite.Base + "/articles/what-you-should-know-about-therapy-part-3");
        Assert.Contains("Part 2 of", article.QuerySelector(".series-box summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAuthorCannotReorderASeries()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await AdminSite.AddUserAsync(admin, "series-author", "a-long-password-1", "Author");
        var author = await AdminSite.SignInAsync(_factory, "series-author", "a-long-password-1");

        Assert.Equal(HttpStatusCode.Forbidden, (await author.GetAsync(Parts)).StatusCode);
    }
}
