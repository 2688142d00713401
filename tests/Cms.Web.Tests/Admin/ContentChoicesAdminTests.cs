using System.Net;
using System.Net.Http.Json;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>The content picker's search (GET /admin/content/choices): what it finds, and for whom.</summary>
public sealed class ContentChoicesAdminTests : IClassFixture<CmsFactory>
{
    private const string Password = "a-long-password-1";
    private const string Choices = AdminSite.Base + "/admin/content/choices";

    // Two unpublished counselors: one the author wrote, one someone else did.
    private const string Drafts = """
        { "name": "drafts", "steps": [ { "name": "content", "data": [
          { "ContentItemId": "counselordraftbyauthor0001", "ContentType": "Counselor", "Latest": true, "Published": false, "Owner": "pickauthor",
            "TitlePart": { "Title": "Danielle Quill" },
            "Counselor": { "ProfessionalTitle": { "Text": "Counselor" }, "LicenseStatus": { "Text": "licensed" }, "NewClientStatus": { "Text": "accepting" }, "Photo": { "Paths": [ "q.png" ], "MediaTexts": [ "Portrait" ] } } },
          { "ContentItemId": "counselordraftbyadmin00001", "ContentType": "Counselor", "Latest": true, "Published": false, "Owner": "admin",
            "TitlePart": { "Title": "Dante Hollis" },
            "Counselor": { "ProfessionalTitle": { "Text": "Counselor" }, "LicenseStatus": { "Text": "licensed" }, "NewClientStatus": { "Text": "accepting" }, "Photo": { "Paths": [ "h.png" ], "MediaTexts": [ "Portrait" ] } } }
        ] } ] }
        """;

    private readonly CmsFactory _factory;

    public ContentChoicesAdminTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task FindsItemsOfTheAskedTypesByTheStartOfAWordOfTheirTitle()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var byFirstName = await ChoicesAsync(admin, "?types=Counselor&q=dan");
        var byLastName = await ChoicesAsync(admin, "?types=Counselor&q=WHITF");
        var twoWords = await ChoicesAsync(admin, "?types=Counselor&q=whit%20dana");
        var inside = await ChoicesAsync(admin, "?types=Counselor&q=hitfield");
        var series = await ChoicesAsync(admin, "?types=Series&q=dan");
        var counselorsAndSeries = await ChoicesAsync(admin, "?types=Counselor,Series&q=w");

        var dana = Assert.Single(byFirstName, c => c.Id == "counselordanawhitfield0001");
        Assert.Equal(new Choice("counselordanawhitfield0001", "Dana Whitfield", "Counselor", "published"), dana);
        Assert.All(byFirstName, c => Assert.Equal("Counselor", c.Type));
        Assert.DoesNotContain(byFirstName, c => c.Title == "Marcus Bell");
        Assert.Equal(["Dana Whitfield"], byLastName.Select(c => c.Title));
        Assert.Equal(["Dana Whitfield"], twoWords.Select(c => c.Title));
        Assert.Empty(inside);
        Assert.Empty(series);
        Assert.Equal(["Dana Whitfield", "What You Should Know About Therapy"], counselorsAndSeries.Select(c => c.Title));
    }

    [Fact]
    public async Task ANameIsFoundWhateverItsCaseAndAccents()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await PublicSite.ImportAsync(_factory.Client(), AdminSite.Base, Drafts
            .Replace("counselordraftbyadmin00001", "counselorelodiebrun000001", StringComparison.Ordinal)
            .Replace("counselordraftbyauthor0001", "counselorzoeoconnor000001", StringComparison.Ordinal)
            .Replace("Dante Hollis", "Élodie Brun", StringComparison.Ordinal)
            .Replace("Danielle Quill", "Zoë Ó Conchúir", StringComparison.Ordinal));

        Assert.Equal(["Élodie Brun"], (await ChoicesAsync(admin, "?types=Counselor&q=elo")).Select(c => c.Title));
        Assert.Equal(["Élodie Brun"], (await ChoicesAsync(admin, "?types=Counselor&q=%C3%89LODIE%20brun")).Select(c => c.Title));
        Assert.Equal(["Zoë Ó Conchúir"], (await ChoicesAsync(admin, "?types=Counselor&q=zoe%20conchu")).Select(c => c.Title));
        Assert.Empty(await ChoicesAsync(admin, "?types=Counselor&q=lodie"));
    }

    [Fact]
    public async Task ATypeNoPickerOffersAndTheContentListHidesIsNotOffered()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await PublicSite.ImportAsync(_factory.Client(), AdminSite.Base, """
            { "name": "membership", "steps": [ { "name": "content", "data": [
              { "ContentItemId": "membershipdanaassoc000001", "ContentType": "Membership", "Latest": true, "Published": true, "DisplayText": "Danbury Therapists Guild",
                "Membership": { "Organization": { "Url": "https://example.org", "Text": "Danbury Therapists Guild" } } } ] } ] }
            """);

        Assert.Empty(await ChoicesAsync(admin, "?types=Membership&q=danbury"));
        Assert.Empty(await ChoicesAsync(admin, "?q=danbury"));
        Assert.Equal(["Dana Whitfield"], (await ChoicesAsync(admin, "?types=Membership,Counselor&q=dana%20whitfield")).Select(c => c.Title));
    }

    [Fact]
    public async Task AskingForMoreThanFiftyGetsFifty()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var many = Enumerable.Range(1, 55).Select(i => $$"""
            { "ContentItemId": "seriesbulk{{i:D16}}", "ContentType": "Series", "Latest": true, "Published": true,
              "TitlePart": { "Title": "Bulk series {{i:D2}}" }, "Series": { "Status": { "Text": "complete" } } }
            """);
        await PublicSite.ImportAsync(_factory.Client(), AdminSite.Base, $$"""{ "name": "bulk", "steps": [ { "name": "content", "data": [ {{string.Join(',', many)}} ] } ] }""");

        Assert.Equal(50, (await ChoicesAsync(admin, "?types=Series&q=bulk&take=100000")).Count);
        Assert.Equal(20, (await ChoicesAsync(admin, "?types=Series&q=bulk")).Count);
        Assert.Equal(["Bulk series 01"], (await ChoicesAsync(admin, "?types=Series&q=bulk&take=-5")).Select(c => c.Title));
    }

    [Fact]
    public async Task AnAuthorIsOfferedPublishedItemsAndTheirOwnDraftsAnEditorEveryDraft()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await PublicSite.ImportAsync(_factory.Client(), AdminSite.Base, Drafts);
        await AdminSite.AddUserAsync(admin, "pickauthor", Password, "Author");
        await AdminSite.AddUserAsync(admin, "pickeditor", Password, "Editor");

        var author = await ChoicesAsync(await AdminSite.SignInAsync(_factory, "pickauthor", Password), "?types=Counselor&q=dan");
        var editor = await ChoicesAsync(await AdminSite.SignInAsync(_factory, "pickeditor", Password), "?types=Counselor&q=dan");

        Assert.Equal(["Dana Whitfield", "Danielle Quill"], author.Select(c => c.Title));
        Assert.Equal("draft", author.Single(c => c.Title == "Danielle Quill").Status);
        Assert.Equal(["Dana Whitfield", "Danielle Quill", "Dante Hollis"], editor.Select(c => c.Title));
    }

    [Fact]
    public async Task SomeoneSignedOutIsSentToSignInAndGetsNoItems()
    {
        using var response = await _factory.Client().GetAsync(Choices + "?types=Counselor&q=dan");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.StartsWith(AdminSite.Base + "/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.DoesNotContain("Dana", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEditorWithoutScriptListsWhatAFieldHoldsFirstInItsOrder()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await PublicSite.ImportAsync(_factory.Client(), AdminSite.Base, PublicSite.ArticleRecipe("articletwoauthors00000001", "Two Authors", "articles/two-authors", published: false)
            .Replace("[ \"counselordanawhitfield0001\" ]", "[ \"counselormarcusbell0000001\", \"counselordanawhitfield0001\" ]", StringComparison.Ordinal));

        var page = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content/articletwoauthors00000001");
        var options = page.QuerySelectorAll("select[name='Article.Authors'] option").Select(o => (o.GetAttribute("value"), o.HasAttribute("selected"))).ToList();

        Assert.Equal(("counselormarcusbell0000001", true), options[0]);
        Assert.Equal(("counselordanawhitfield0001", true), options[1]);
    }

    private static async Task<List<Choice>> ChoicesAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync(Choices + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {query}: {(int)response.StatusCode}");
        return (await response.Content.ReadFromJsonAsync<List<Choice>>())!;
    }

    private sealed record Choice(string Id, string Title, string Type, string Status);
}
