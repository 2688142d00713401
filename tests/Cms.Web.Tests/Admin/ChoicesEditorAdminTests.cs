using System.Net;
using Cms.Content;
using Cms.Content.Definitions;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>
/// Issue 13, item 7: a practice's choices fields name Orchard's checkbox editor (CheckboxList) and the admin draws them as
/// checkboxes; a practice stored with the former name "Checkbox" is drawn the same; a choices field added in the admin names CheckboxList.
/// </summary>
public sealed class ChoicesEditorAdminTests : IClassFixture<CmsFactory>
{
    private readonly CmsFactory _factory;

    public ChoicesEditorAdminTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task APracticesChoicesNameCheckboxListAndAreDrawnAsCheckboxes()
    {
        var admin = await PracticeStorage.NewPracticeAsync(_factory, "birch");

        var definitions = (await PracticeStorage.GetAsync<ContentDefinitions>(_factory, "birch", ContentDefinitions.DocumentKey))!;
        var page = await PublicSite.PageAsync(admin, "/birch/admin/content/new/Article");

        Assert.All(["Specialties", "Approaches", "ClientFocus", "Languages"], f => Assert.Equal("CheckboxList", Editor(definitions, "Counselor", f)));
        Assert.Equal("CheckboxList", Editor(definitions, "Article", "Topics"));
        Assert.Equal(10, page.QuerySelectorAll("input[type=checkbox][name='Article.Topics']").Length);
    }

    [Fact]
    public async Task APracticeStoredWithTheFormerNameCheckboxIsStillDrawnAsCheckboxes()
    {
        var admin = await PracticeStorage.NewPracticeAsync(_factory, "cherry");
        var definitions = (await PracticeStorage.GetAsync<ContentDefinitions>(_factory, "cherry", ContentDefinitions.DocumentKey))!;
        Field(definitions, "Article", "Topics")[ContentNames.ContentPartFieldSettings]!["Editor"] = "Checkbox";
        await PracticeStorage.SetAsync(_factory, "cherry", ContentDefinitions.DocumentKey, definitions);

        var page = await PublicSite.PageAsync(admin, "/cherry/admin/content/new/Article");

        Assert.Equal(10, page.QuerySelectorAll("input[type=checkbox][name='Article.Topics']").Length);
    }

    [Fact]
    public async Task AChoicesFieldAddedInTheAdminNamesCheckboxList()
    {
        var admin = await PracticeStorage.NewPracticeAsync(_factory, "dogwood");

        var added = await AdminSite.PostFormAsync(admin, "/dogwood/admin/types/Counselor", [new("fieldName", "Modalities"), new("fieldType", ContentNames.MultiTextField), new("label", "Modalities")], "Add");

        Assert.Equal(HttpStatusCode.Found, added.StatusCode);
        var definitions = (await PracticeStorage.GetAsync<ContentDefinitions>(_factory, "dogwood", ContentDefinitions.DocumentKey))!;
        Assert.Equal("CheckboxList", Editor(definitions, "Counselor", "Modalities"));
    }

    private static string? Editor(ContentDefinitions definitions, string part, string field) =>
        SettingsReader.Text(Field(definitions, part, field), ContentNames.ContentPartFieldSettings, "Editor");

    private static System.Text.Json.Nodes.JsonObject Field(ContentDefinitions definitions, string part, string field) =>
        definitions.FindPart(part)!.ContentPartFieldDefinitionRecords.Single(f => f.Name == field).Settings;
}
