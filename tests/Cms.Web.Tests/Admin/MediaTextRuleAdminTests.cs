using System.Net;
using System.Text.Json.Nodes;
using Cms.Content.Definitions;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>
/// Issue 13, item 7: an image field's settings page keeps "a description is required" in CmsMediaFieldSettings, which
/// Orchard leaves alone, never in MediaFieldSettings; a field stored the old way shows the rule and a save moves it.
/// </summary>
public sealed class MediaTextRuleAdminTests : IClassFixture<CmsFactory>
{
    private readonly CmsFactory _factory;

    public MediaTextRuleAdminTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task TheSettingsPageShowsAndStoresTheRuleInCmsMediaFieldSettings()
    {
        var admin = await PracticeStorage.NewPracticeAsync(_factory, "elm");
        const string Settings = "/elm/admin/types/Series/fields/CoverImage";
        Assert.True(await IsTickedAsync(admin, Settings));

        var off = await AdminSite.PostFormAsync(admin, Settings, [new("Label", "Cover image")]);
        var offStored = await StoredAsync("elm");
        var on = await AdminSite.PostFormAsync(admin, Settings, [new("Label", "Cover image"), new("RequireMediaText", "true")]);
        var onStored = await StoredAsync("elm");

        Assert.Equal(HttpStatusCode.Found, off.StatusCode);
        Assert.False(offStored["CmsMediaFieldSettings"]!["RequireMediaText"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Found, on.StatusCode);
        Assert.True(onStored["CmsMediaFieldSettings"]!["RequireMediaText"]!.GetValue<bool>());
        Assert.False(onStored["MediaFieldSettings"]!.AsObject().ContainsKey("RequireMediaText"));
        Assert.True(await IsTickedAsync(admin, Settings));
    }

    [Fact]
    public async Task AFieldStoredWithTheRuleInMediaFieldSettingsShowsItAndASaveMovesIt()
    {
        var admin = await PracticeStorage.NewPracticeAsync(_factory, "fir");
        const string Settings = "/fir/admin/types/Series/fields/CoverImage";
        var definitions = (await PracticeStorage.GetAsync<ContentDefinitions>(_factory, "fir", ContentDefinitions.DocumentKey))!;
        var field = CoverImage(definitions);
        field.Remove("CmsMediaFieldSettings");
        field["MediaFieldSettings"]!["RequireMediaText"] = true;
        await PracticeStorage.SetAsync(_factory, "fir", ContentDefinitions.DocumentKey, definitions);

        var ticked = await IsTickedAsync(admin, Settings);
        var saved = await AdminSite.PostFormAsync(admin, Settings, [new("Label", "Cover image"), new("RequireMediaText", "true")]);

        Assert.True(ticked);
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        var stored = await StoredAsync("fir");
        Assert.True(stored["CmsMediaFieldSettings"]!["RequireMediaText"]!.GetValue<bool>());
        Assert.False(stored["MediaFieldSettings"]!.AsObject().ContainsKey("RequireMediaText"));
    }

    private async Task<JsonObject> StoredAsync(string practice) =>
        CoverImage((await PracticeStorage.GetAsync<ContentDefinitions>(_factory, practice, ContentDefinitions.DocumentKey))!);

    private static JsonObject CoverImage(ContentDefinitions definitions) =>
        definitions.FindPart("Series")!.ContentPartFieldDefinitionRecords.Single(f => f.Name == "CoverImage").Settings;

    private static async Task<bool> IsTickedAsync(HttpClient admin, string settings) =>
        (await PublicSite.PageAsync(admin, settings)).QuerySelector("input[name=RequireMediaText]")!.HasAttribute("checked");
}
