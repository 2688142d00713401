using System.Net;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>Changing a content type in the admin: a new field shows in the editor at once; bad names are refused.</summary>
public sealed class TypesAdminTests : IClassFixture<CmsFactory>
{
    private const string Counselor = AdminSite.Base + "/admin/types/Counselor";
    private const string PageType = AdminSite.Base + "/admin/types/Page";
    private const string SeriesType = AdminSite.Base + "/admin/types/Series";
    private const string FeesEditor = AdminSite.Base + "/admin/content/pagefeesforseotest000001";

    private const string FeesPage = """
        { "name": "fees", "steps": [ { "name": "content", "data": [ {
          "ContentItemId": "pagefeesforseotest000001", "ContentType": "Page", "DisplayText": "Fees", "Latest": true, "Published": true,
          "TitlePart": { "Title": "Fees" }, "AutoroutePart": { "Path": "fees-seo-test" }, "MarkdownBodyPart": { "Markdown": "Sessions are 50 minutes." },
          "SeoMetaPart": { "PageTitle": "Fees and insurance", "MetaDescription": "What a session costs." }
        } ] } ] }
        """;

    private readonly CmsFactory _factory;

    public TypesAdminTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task AnAddedFieldAppearsInTheEditorAndRemovingItKeepsTheItemsData()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var added = await AdminSite.PostFormAsync(admin, Counselor, [new("fieldName", "VideoIntro"), new("label", "Video introduction"), new("fieldType", "LinkField"), new("hint", "A short video.")], "Add");

        Assert.Equal(HttpStatusCode.Found, added.StatusCode);
        var editor = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content/counselordanawhitfield0001");
        Assert.Equal("Video introduction (optional)", editor.QuerySelector("label[for='f-Counselor-VideoIntro']")!.TextContent);
        Assert.Equal("A short video.", editor.QuerySelector("#f-Counselor-VideoIntro-hint")!.TextContent);

        var removed = await AdminSite.PostFormAsync(admin, Counselor, [new("field", "VideoIntro")], "Remove");
        Assert.Equal(HttpStatusCode.Found, removed.StatusCode);
        Assert.Null((await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content/counselordanawhitfield0001")).QuerySelector("#f-Counselor-VideoIntro"));
        Assert.Equal(HttpStatusCode.OK, (await _factory.Client().GetAsync(PublicSite.Dana)).StatusCode);
    }

    [Fact]
    public async Task ARemovedPartLeavesTheEditorAndAddingItBackShowsWhatTheItemKept()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await PublicSite.ImportAsync(_factory.Client(), AdminSite.Base, FeesPage);
        Assert.NotNull((await PublicSite.PageAsync(admin, FeesEditor)).QuerySelector("#f-SeoMetaPart-PageTitle"));

        var removed = await AdminSite.PostFormAsync(admin, PageType, [new("part", "SeoMetaPart")], "RemovePart");

        Assert.Equal(HttpStatusCode.Found, removed.StatusCode);
        Assert.Null((await PublicSite.PageAsync(admin, FeesEditor)).QuerySelector("#f-SeoMetaPart-PageTitle"));
        var typePage = await PublicSite.PageAsync(admin, PageType);
        Assert.DoesNotContain("SeoMetaPart", typePage.QuerySelectorAll("tr[data-part]").Select(tr => tr.GetAttribute("data-part")));
        Assert.NotNull(typePage.QuerySelector("input[name=partName][value=SeoMetaPart]"));

        // Saved without the part in its editor, the item still keeps the part's data.
        var fields = await AdminSite.FormFieldsAsync(admin, FeesEditor);
        var saved = await AdminSite.PostFormAsync(admin, FeesEditor, fields.With("MarkdownBodyPart.Markdown", "Sessions are 50 minutes; a sliding scale is offered.").With("action", "publish"));
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);

        var added = await AdminSite.PostFormAsync(admin, PageType, [new("partName", "SeoMetaPart")], "AddPart");

        Assert.Equal(HttpStatusCode.Found, added.StatusCode);
        var editor = await PublicSite.PageAsync(admin, FeesEditor);
        Assert.Equal("Fees and insurance", editor.QuerySelector("#f-SeoMetaPart-PageTitle")!.GetAttribute("value"));
        Assert.Equal("What a session costs.", editor.QuerySelector("#f-SeoMetaPart-MetaDescription")!.TextContent);
        Assert.Equal("Sessions are 50 minutes; a sliding scale is offered.", editor.QuerySelector("#f-MarkdownBodyPart-Markdown")!.TextContent);
    }

    [Fact]
    public async Task MovingAPartUpChangesTheOrderOfTheEditor()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var editorOrder = async () => (await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content/new/Series")).QuerySelectorAll("form.editor [id^='f-']")
            .Select(e => e.Id!).Where(id => id is "f-MarkdownBodyPart-Markdown" or "f-Series-CoverImage").ToList();
        Assert.Equal(["f-MarkdownBodyPart-Markdown", "f-Series-CoverImage"], await editorOrder());

        var moved = await AdminSite.PostFormAsync(admin, SeriesType, [new("part", "Series"), new("direction", "-1")], "MovePart");

        Assert.Equal(HttpStatusCode.Found, moved.StatusCode);
        Assert.Equal(["f-Series-CoverImage", "f-MarkdownBodyPart-Markdown"], await editorOrder());
        var rows = (await PublicSite.PageAsync(admin, SeriesType)).QuerySelectorAll("tr[data-part]").Select(tr => tr.GetAttribute("data-part")).ToList();
        Assert.Equal(["TitlePart", "AutoroutePart", "Series", "MarkdownBodyPart", "SeoMetaPart"], rows);
    }

    [Fact]
    public async Task APartTheTypeHasOrABagWithABadNameOrUnknownTypesIsRefusedAndNothingChanges()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var parts = async () => (await PublicSite.PageAsync(admin, Counselor)).QuerySelectorAll("tr[data-part]").Length;
        var before = await parts();

        var twice = await AdminSite.PostFormAsync(admin, Counselor, [new("partName", "TitlePart")], "AddPart");
        var badName = await AdminSite.PostFormAsync(admin, Counselor, [new("partName", "BagPart"), new("partInstance", "2 offices"), new("containedTypes", "Membership")], "AddPart");
        var takenName = await AdminSite.PostFormAsync(admin, Counselor, [new("partName", "BagPart"), new("partInstance", "memberships"), new("containedTypes", "Membership")], "AddPart");
        var unknownType = await AdminSite.PostFormAsync(admin, Counselor, [new("partName", "BagPart"), new("partInstance", "Offices"), new("containedTypes", "Office")], "AddPart");
        var noType = await AdminSite.PostFormAsync(admin, Counselor, [new("partName", "BagPart"), new("partInstance", "Offices")], "AddPart");

        Assert.Contains("already has the part “TitlePart”", await RefusalAsync(twice), StringComparison.Ordinal);
        Assert.Contains("must start with a letter", await RefusalAsync(badName), StringComparison.Ordinal);
        Assert.Contains("The name “memberships” is taken", await RefusalAsync(takenName), StringComparison.Ordinal);
        Assert.Contains("There is no content type “Office”.", await RefusalAsync(unknownType), StringComparison.Ordinal);
        var unknown = await PublicSite.ParseAsync(await unknownType.Content.ReadAsStringAsync(), Counselor);
        Assert.Equal("Offices", unknown.QuerySelector("#partInstance")!.GetAttribute("value"));
        Assert.Contains("Choose at least one type", await RefusalAsync(noType), StringComparison.Ordinal);
        Assert.Equal(before, await parts());
    }

    [Fact]
    public async Task ANamedBagAddedToATypeOffersItsTypesInTheEditor()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var added = await AdminSite.PostFormAsync(admin, PageType, [new("partName", "BagPart"), new("partInstance", "Offices"), new("partLabel", "Our offices"), new("containedTypes", "Membership")], "AddPart");

        Assert.Equal(HttpStatusCode.Found, added.StatusCode);
        var editor = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content/new/Page");
        Assert.Equal("Our offices", editor.QuerySelector("#bag-Offices > legend")!.TextContent);
        Assert.Equal("bag-add:Offices:Membership", editor.QuerySelector("#bag-Offices button")!.GetAttribute("value"));
        Assert.NotNull((await PublicSite.PageAsync(admin, PageType)).QuerySelector("input[name=partName][value=BagPart]"));
    }

    [Fact]
    public async Task WhatABagHoldsCanBeChangedAndAnEmptyChoiceIsRefused()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var counselor = AdminSite.Base + "/admin/types/Counselor";

        var refused = await AdminSite.PostFormAsync(admin, counselor, [new("part", "Memberships")], "ContainedTypes");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Choose at least one type of item the list holds.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("bag-add:Memberships:Membership", (await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content/new/Counselor")).QuerySelector("#bag-Memberships button")!.GetAttribute("value"));

        var changed = await AdminSite.PostFormAsync(admin, counselor, [new("part", "Memberships"), new("containedTypes", "Membership"), new("containedTypes", "Page")], "ContainedTypes");

        Assert.Equal(HttpStatusCode.Found, changed.StatusCode);
        var offered = (await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content/new/Counselor")).QuerySelectorAll("#bag-Memberships button[value^='bag-add:']").Select(b => b.GetAttribute("value")).ToList();
        Assert.Equal(["bag-add:Memberships:Membership", "bag-add:Memberships:Page"], offered);
        Assert.Equal(HttpStatusCode.Found, (await AdminSite.PostFormAsync(admin, counselor, [new("part", "Memberships"), new("containedTypes", "Membership")], "ContainedTypes")).StatusCode);
    }

    [Fact]
    public async Task AFieldNameThatIsTakenOrNotAnIdentifierIsRefused()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var taken = await (await AdminSite.PostFormAsync(admin, Counselor, [new("fieldName", "photo"), new("fieldType", "TextField")], "Add")).Content.ReadAsStringAsync();
        var invalid = await (await AdminSite.PostFormAsync(admin, Counselor, [new("fieldName", "2 words"), new("fieldType", "TextField")], "Add")).Content.ReadAsStringAsync();

        Assert.Contains("already has a field named", taken, StringComparison.Ordinal);
        Assert.Contains("must start with a letter", invalid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyThoseWhoMayEditContentTypesOpenThePages()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await AdminSite.AddUserAsync(admin, "types-editor", "a-long-password-1", "Editor");
        var editor = await AdminSite.SignInAsync(_factory, "types-editor", "a-long-password-1");

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(AdminSite.Base + "/admin/types")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(Counselor)).StatusCode);
    }

    // The refusal shown next to the add-a-part form.
    private static async Task<string> RefusalAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), Counselor);
        return page.QuerySelector("#add-part-title ~ .error-summary")?.TextContent ?? "";
    }
}
