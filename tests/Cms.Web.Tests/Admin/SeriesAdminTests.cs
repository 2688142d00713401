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
    public async Task AWholeOrderPostedAtOnceNumbersThePartsOneToNDraftsIncluded()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var parts = await SeriesWithThreePartsAsync("sleep", publishedSecond: false);

        var ordered = await AdminSite.PostFormAsync(admin, parts.Page, [new("articles", parts.Ids[2]), new("articles", parts.Ids[0]), new("articles", parts.Ids[1])], "Order");

        Assert.Equal(HttpStatusCode.Found, ordered.StatusCode);
        var page = await PublicSite.PageAsync(admin, parts.Page);
        Assert.Equal([parts.Ids[2], parts.Ids[0], parts.Ids[1]], page.QuerySelectorAll("tbody tr").Select(tr => tr.GetAttribute("data-id")));
        Assert.Equal(["1", "2", "3"], page.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent));
        Assert.Equal("Draft", page.QuerySelectorAll("tbody tr")[2].QuerySelector(".status")!.TextContent);
        var series = await PublicSite.PageAsync(_factory.Client(), AdminSite.Base + "/series/sleep");
        Assert.Equal(["Part 1 Sleep, part 3", "Part 2 Sleep, part 1"], series.QuerySelectorAll(".series-parts li > a").Select(a => string.Join(' ', a.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
        var article = await PublicSite.PageAsync(_factory.Client(), AdminSite.Base + "/articles/sleep-part-1");
        Assert.Contains("Part 2 of", article.QuerySelector(".series-box summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOrderThatMissesOrRepeatsAPartIsRefusedAndChangesNothing()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var parts = await SeriesWithThreePartsAsync("grief", publishedSecond: true);

        var missing = await AdminSite.PostFormAsync(admin, parts.Page, [new("articles", parts.Ids[2]), new("articles", parts.Ids[0])], "Order");
        var repeated = await AdminSite.PostFormAsync(admin, parts.Page, [new("articles", parts.Ids[2]), new("articles", parts.Ids[2]), new("articles", parts.Ids[0])], "Order");
        var stranger = await AdminSite.PostFormAsync(admin, parts.Page, [new("articles", parts.Ids[2]), new("articles", "articletherapypart10000001"), new("articles", parts.Ids[0])], "Order");

        foreach (var response in new[] { missing, repeated, stranger })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var refused = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), parts.Page);
            Assert.Contains("The order was not saved", refused.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        }

        var page = await PublicSite.PageAsync(admin, parts.Page);
        Assert.Equal(parts.Ids, page.QuerySelectorAll("tbody tr").Select(tr => tr.GetAttribute("data-id")));
        Assert.Equal(["1", "2", "3"], page.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent));
    }

    [Fact]
    public async Task AnAuthorCannotReorderASeries()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await AdminSite.AddUserAsync(admin, "series-author", "a-long-password-1", "Author");
        var author = await AdminSite.SignInAsync(_factory, "series-author", "a-long-password-1");

        Assert.Equal(HttpStatusCode.Forbidden, (await author.GetAsync(Parts)).StatusCode);
    }

    // A series of its own with parts 1, 2 and 3 (the second a draft unless published), for a test that changes its order.
    private async Task<(string Page, string[] Ids)> SeriesWithThreePartsAsync(string slug, bool publishedSecond)
    {
        var id = $"series{slug}".PadRight(26, '0');
        await PublicSite.ImportAsync(_factory.Client(), AdminSite.Base, $$"""
            { "name": "series", "steps": [ { "name": "content", "data": [ {
              "ContentItemId": "{{id}}", "ContentType": "Series", "DisplayText": "{{slug}}", "Latest": true, "Published": true,
              "TitlePart": { "Title": "{{slug}}" }, "AutoroutePart": { "Path": "series/{{slug}}" }, "Series": { "Status": { "Text": "ongoing" } }
            } ] } ] }
            """);
        var ids = new string[3];
        for (var part = 1; part <= 3; part++)
        {
            var title = $"{char.ToUpperInvariant(slug[0])}{slug[1..]}, part {part}";
            ids[part - 1] = $"article{slug}part{part}".PadRight(26, '0');
            await PublicSite.ImportAsync(_factory.Client(), AdminSite.Base, PublicSite.ArticleRecipe(ids[part - 1], title, $"articles/{slug}-part-{part}", published: part != 2 || publishedSecond, id, part));
        }

        return ($"{AdminSite.Base}/admin/series/{id}/parts", ids);
    }
}
