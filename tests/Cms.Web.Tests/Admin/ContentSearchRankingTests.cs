using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>
/// Issue 14, item 11: the content list's search ranks its matches (the exact title first, then titles with the words,
/// then the rest; newest first among equals) instead of listing them by last change only.
/// </summary>
public sealed class ContentSearchRankingTests : IClassFixture<CmsFactory>
{
    private readonly CmsFactory _factory;

    public ContentSearchRankingTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task TheExactTitleComesFirstThenTitlesThenBodies()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await PublicSite.ImportAsync(_factory.Client(), AdminSite.Base, Recipe(
            ("pageinsomnia00000000000001", "Insomnia", "What keeps you awake.", "2021-01-01T10:00:00Z"),
            ("pageinsomnia00000000000002", "Insomnia and worry", "Why the mind races.", "2022-01-01T10:00:00Z"),
            ("pageinsomnia00000000000003", "Evening routines", "A routine helps with insomnia.", "2024-01-01T10:00:00Z"),
            ("pageinsomnia00000000000004", "Older insomnia notes", "Notes.", "2020-01-01T10:00:00Z"),
            ("pageinsomnia00000000000005", "Morning light", "Light eases insomnia too.", "2023-01-01T10:00:00Z")));

        var page = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content?q=insomnia");

        Assert.Equal(
            ["Insomnia", "Insomnia and worry", "Older insomnia notes", "Evening routines", "Morning light"],
            page.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task ChoosingLastChangeStillOrdersByLastChange()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await PublicSite.ImportAsync(_factory.Client(), AdminSite.Base, Recipe(
            ("pagesleepy0000000000000001", "Sleepy", "Sleepy text.", "2021-01-01T10:00:00Z"),
            ("pagesleepy0000000000000002", "Evening", "Sleepy evenings.", "2024-01-01T10:00:00Z")));

        var page = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content?q=sleepy&sort=changed");

        Assert.Equal(["Evening", "Sleepy"], page.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent));
    }

    private static string Recipe(params (string Id, string Title, string Body, string Modified)[] pages) =>
        """{ "name": "ranking", "steps": [ { "name": "content", "data": [ """
        + string.Join(", ", pages.Select(p => $$"""
            { "ContentItemId": "{{p.Id}}", "ContentType": "Page", "DisplayText": "{{p.Title}}", "Latest": true, "Published": true,
              "CreatedUtc": "{{p.Modified}}", "ModifiedUtc": "{{p.Modified}}", "PublishedUtc": "{{p.Modified}}",
              "TitlePart": { "Title": "{{p.Title}}" }, "AutoroutePart": { "Path": "{{p.Id}}" }, "MarkdownBodyPart": { "Markdown": "{{p.Body}}" } }
            """))
        + "] } ] }";
}
