using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>
/// A counselor's memberships (a BagPart of Membership items) in the item editor, as plain form posts: adding, moving and
/// removing items keep everything typed, saving keeps Orchard's shape, and an item's bad field is refused next to it.
/// </summary>
public sealed class BagEditorAdminTests : IClassFixture<CmsFactory>
{
    private const string Wren = AdminSite.Base + "/admin/content/counselorwrenalder00000001";
    private const string Dana = AdminSite.Base + "/admin/content/counselordanawhitfield0001";

    private const string WrenRecipe = """
        { "name": "wren", "steps": [ { "name": "content", "data": [ {
          "ContentItemId": "counselorwrenalder00000001", "ContentType": "Counselor", "DisplayText": "Wren Alder", "Latest": true, "Published": true,
          "TitlePart": { "Title": "Wren Alder" }, "AutoroutePart": { "Path": "counselors/wren-alder" },
          "Counselor": { "ProfessionalTitle": { "Text": "Licensed Clinical Social Worker" }, "LicenseStatus": { "Text": "licensed" }, "NewClientStatus": { "Text": "accepting" },
                         "ShortBio": { "Text": "Wren works with grief." }, "Photo": { "Paths": [ "counselors/dana-whitfield.png" ], "MediaTexts": [ "Portrait of Wren" ] } }
        } ] } ] }
        """;

    private readonly CmsFactory _factory;

    public BagEditorAdminTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task MembershipsAddedMovedAndRemovedInTheEditorShowOnThePublicProfile()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await PublicSite.ImportAsync(_factory.Client(), AdminSite.Base, WrenRecipe);

        // "Add membership" shows the form again with an empty membership, and the bio typed before it is still there.
        var fields = (await AdminSite.FormFieldsAsync(admin, Wren)).With("Counselor.ShortBio", "Wren works with grief and loss.");
        var page = await RoundTripAsync(admin, fields, "bag-add:Memberships:Membership");
        Assert.Equal("Wren works with grief and loss.", page.QuerySelector("#f-Counselor-ShortBio")!.TextContent);
        Assert.Equal("Membership 1", page.QuerySelector("#bag-Memberships-0 > legend")!.TextContent);
        Assert.True(page.QuerySelector("#bag-Memberships-0")!.HasAttribute("autofocus"));
        Assert.Equal("changed", page.QuerySelector("form.editor")!.GetAttribute("data-unsaved-warning"));
        Assert.Contains("nothing is saved yet", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);

        fields = AdminSite.FormFields(page).With(Organization(0), "https://www.counseling.org/").With(Organization(0) + ".Text", "American Counseling Association");
        page = await RoundTripAsync(admin, fields, "bag-add:Memberships:Membership");
        fields = AdminSite.FormFields(page).With(Organization(1), "https://www.socialworkers.org/").With(Organization(1) + ".Text", "National Association of Social Workers");
        page = await RoundTripAsync(admin, fields, "bag-up:Memberships:1");
        Assert.Equal("https://www.socialworkers.org/", page.QuerySelector($"#f-{Organization(0).Replace('.', '-')}")!.GetAttribute("value"));
        Assert.True(page.QuerySelector("#bag-Memberships-0")!.HasAttribute("autofocus"));

        var published = await AdminSite.PostFormAsync(admin, Wren, AdminSite.FormFields(page).With("action", "publish"));

        Assert.Equal(HttpStatusCode.Found, published.StatusCode);
        Assert.Equal(["National Association of Social Workers", "American Counseling Association"], await PublicMembershipsAsync());
        var stored = await AdminSite.ExportedAsync(admin, "counselorwrenalder00000001");
        var items = stored["Memberships"]!["ContentItems"]!.AsArray();
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal("Membership", (string?)i!["ContentType"]));
        Assert.All(items, i => Assert.Equal(26, ((string?)i!["ContentItemId"])?.Length));
        Assert.Equal("https://www.socialworkers.org/", (string?)items[0]!["Membership"]!["Organization"]!["Url"]);
        Assert.Equal("Wren works with grief and loss.", (string?)stored["Counselor"]!["ShortBio"]!["Text"]);

        page = await RoundTripAsync(admin, await AdminSite.FormFieldsAsync(admin, Wren), "bag-remove:Memberships:0");
        Assert.Single(page.QuerySelectorAll(".bag-item"));
        Assert.Equal(["National Association of Social Workers", "American Counseling Association"], await PublicMembershipsAsync());
        Assert.Equal(HttpStatusCode.Found, (await AdminSite.PostFormAsync(admin, Wren, AdminSite.FormFields(page).With("action", "publish"))).StatusCode);
        Assert.Equal(["American Counseling Association"], await PublicMembershipsAsync());
    }

    [Fact]
    public async Task AMembershipWithAnUnsafeOrMissingLinkIsRefusedNextToItAndNothingIsSaved()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var before = await AdminSite.ExportedAsync(admin, "counselordanawhitfield0001");
        var fields = (await AdminSite.FormFieldsAsync(admin, Dana))
            .With(Organization(1), "javascript:alert(1)")
            .With(Organization(0), "")
            .With("Counselor.Pronouns", "she/they")
            .With("MarkdownBodyPart.Markdown", "A bio being rewritten.")
            .With("action", "publish");

        var response = await AdminSite.PostFormAsync(admin, Dana, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), Dana);
        Assert.Contains("uses a scheme that is not allowed", page.QuerySelector("#f-Memberships-ContentItems-1-Membership-Organization-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Organization is required.", page.QuerySelector("#f-Memberships-ContentItems-0-Membership-Organization-error")!.TextContent);
        Assert.Equal("javascript:alert(1)", page.QuerySelector("#f-Memberships-ContentItems-1-Membership-Organization")!.GetAttribute("value"));
        Assert.Equal("she/they", page.QuerySelector("#f-Counselor-Pronouns")!.GetAttribute("value"));
        Assert.Equal("A bio being rewritten.", page.QuerySelector("#f-MarkdownBodyPart-Markdown")!.TextContent);
        Assert.Equal(before.ToJsonString(), (await AdminSite.ExportedAsync(admin, "counselordanawhitfield0001")).ToJsonString());
    }

    [Fact]
    public async Task ABagsButtonsAreNotTheButtonThatEnterPresses()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var page = await PublicSite.PageAsync(admin, Dana);

        var first = page.QuerySelector("form.editor button[type=submit]")!;
        Assert.Equal("draft", first.GetAttribute("value"));
        Assert.Equal(["Move Membership 1 down", "Remove Membership 1", "Move Membership 2 up", "Remove Membership 2"],
            page.QuerySelectorAll("#bag-Memberships .bag-item button").Select(b => b.GetAttribute("aria-label")));
    }

    // The input of the organization's link of the membership at that place.
    private static string Organization(int index) => $"Memberships.ContentItems.{index}.Membership.Organization";

    // Posts the editor with a bag's button: the form comes back (nothing saved) with the bag changed.
    private static async Task<IDocument> RoundTripAsync(HttpClient admin, List<KeyValuePair<string, string>> fields, string action)
    {
        var response = await AdminSite.PostFormAsync(admin, Wren, fields.With("action", action));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode}");
        return await PublicSite.ParseAsync(html, Wren);
    }

    private async Task<List<string>> PublicMembershipsAsync() =>
        (await PublicSite.PageAsync(_factory.Client(), AdminSite.Base + "/counselors/wren-alder")).QuerySelectorAll("ul.memberships li").Select(li => li.TextContent.Trim()).ToList();
}
