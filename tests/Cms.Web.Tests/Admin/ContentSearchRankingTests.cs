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

    /// <summary>
    /// Past the count's bound (a word in most items) the matches are not all ranked, which read every one of them and made
    /// such a search 400 ms at 100,000 articles: the exact title still comes first, then the newest, across pages (titles
    /// with the word no longer before bodies with it).
    /// </summary>
    [Fact]
    public async Task WithMoreMatchesThanTheCountShowsTheExactTitleStillComesFirstThenTheNewest()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var many = Enumerable.Range(0, 1_001)
            .Select(i => ($"pageharbor{i:D16}", i % 2 == 0 ? $"Harbor notes {i}" : $"Coastal page {i}", "About the harbor.", $"2025-01-01T{i / 60 % 24:D2}:{i % 60:D2}:00Z"))
            .Append(("pageharborexact000000000001", "Harbor", "The oldest page.", "2019-01-01T10:00:00Z"))
            .ToArray();
        await PublicSite.ImportAsync(_factory.Client(), AdminSite.Base, Recipe(many));

        var first = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content?q=harbor");
        var second = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content?q=harbor&p=2");

        Assert.Contains("More than 1,000 items", first.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            ["Harbor", "Harbor notes 1000", "Coastal page 999"],
            first.QuerySelectorAll("tbody tr td:first-child a").Take(3).Select(a => a.TextContent));
        Assert.Equal(25, first.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("Harbor notes 976", second.QuerySelector("tbody tr td:first-child a")!.TextContent);
        Assert.DoesNotContain("Harbor", second.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent));
    }

    /// <summary>Within the count's bound the matches are ranked in memory, and each page is its slice of that order.</summary>
    [Fact]
    public async Task TheSecondPageOfARankedSearchGoesOnWhereTheFirstEnded()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var notes = Enumerable.Range(1, 29)
            .Select(i => ($"pagetidal{i:D17}", $"Note {i}", "About the tidal pool.", $"2025-02-01T10:{i:D2}:00Z"))
            .Append(("pagetidalexact00000000001", "Tidal", "The oldest page.", "2019-01-01T10:00:00Z"))
            .ToArray();
        await PublicSite.ImportAsync(_factory.Client(), AdminSite.Base, Recipe(notes));

        var first = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content?q=tidal");
        var second = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content?q=tidal&p=2");

        Assert.Equal(["Tidal", "Note 29"], first.QuerySelectorAll("tbody tr td:first-child a").Take(2).Select(a => a.TextContent));
        Assert.Equal(["Note 5", "Note 4", "Note 3", "Note 2", "Note 1"], second.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent));
    }

    /// <summary>A title with a letter outside ASCII ranks as a title (SQLite's lower() changes ASCII letters only).</summary>
    [Fact]
    public async Task AnAccentedTitleRanksAsATitle()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await PublicSite.ImportAsync(_factory.Client(), AdminSite.Base, Recipe(
            ("pageangst00000000000000001", "Ängste im Alltag", "Ein Text.", "2021-01-01T10:00:00Z"),
            ("pageangst00000000000000002", "Notizen", "Über Ängste.", "2024-01-01T10:00:00Z")));

        var page = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content?q=%C3%A4ngste");

        Assert.Equal(["Ängste im Alltag", "Notizen"], page.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent));
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
