using System.Text.Json.Nodes;
using Cms.Content.Definitions;
using Cms.Core.Tests.Support;
using Cms.Data;
using static Cms.Core.Tests.Support.Recipes;

namespace Cms.Core.Tests.Recipes;

/// <summary>
/// Issue 13, item 7: the rule that an image needs a description lives in CmsMediaFieldSettings, which Orchard keeps as it is;
/// a recipe or a stored definition with it in MediaFieldSettings (older exports) means the same, and an export writes only the new place.
/// </summary>
public abstract class MediaTextRuleContractTests
{
    protected abstract DatabaseProvider Provider { get; }

    [SkippableTheory]
    [InlineData("""{ "CmsMediaFieldSettings": { "RequireMediaText": true } }""", true)]
    [InlineData("""{ "MediaFieldSettings": { "Multiple": false, "RequireMediaText": true } }""", true)]
    [InlineData("""{ "MediaFieldSettings": { "RequireMediaText": true }, "CmsMediaFieldSettings": { "RequireMediaText": false } }""", false)]
    [InlineData("""{ "MediaFieldSettings": { "Multiple": false } }""", false)]
    public async Task TheRuleIsReadFromEitherPlaceAndStoredInTheOwnSettingsObject(string settings, bool required)
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var tenant = await RecipeTenant.CreateAsync(services, "gallery");

        var defined = await tenant.ImportTextAsync(Recipe(Definition(settings)));
        var withoutText = await tenant.ImportTextAsync(Recipe(Items(Item("g1", ""))));

        Assert.True(defined.Succeeded, string.Join("\n", defined.Errors));
        var stored = StoredSettings(await tenant.DefinitionsAsync());
        Assert.Null(stored["MediaFieldSettings"]?["RequireMediaText"]);
        Assert.Equal(required, stored["CmsMediaFieldSettings"]?["RequireMediaText"]?.GetValue<bool>() ?? false);
        Assert.Equal(!required, withoutText.Succeeded);
        if (required)
        {
            var error = Assert.Single(withoutText.Errors);
            Assert.Equal("/steps/0/data/0/Gallery/Photo", error.Location);
            Assert.Contains("for people who use screen readers", error.Message, StringComparison.Ordinal);
            Assert.Empty(await tenant.ItemsAsync());
        }
    }

    [SkippableFact]
    public async Task ASiteStoredWithTheRuleInMediaFieldSettingsKeepsItAndExportsItOnlyInTheOwnSettingsObject()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var tenant = await RecipeTenant.CreateAsync(services, "older");
        Assert.True((await tenant.ImportTextAsync(Recipe(Definition("{}")))).Succeeded);
        var definitions = await tenant.DefinitionsAsync();
        definitions.FindPart("Gallery")!.ContentPartFieldDefinitionRecords[0].Settings = JsonNode.Parse("""{ "MediaFieldSettings": { "Multiple": false, "RequireMediaText": true } }""")!.AsObject();
        await tenant.StoreAsync(ContentDefinitions.DocumentKey, definitions);

        var withoutText = await tenant.ImportTextAsync(Recipe(Items(Item("g1", ""))));
        var export = await tenant.ExportAsync();

        Assert.Equal("/steps/0/data/0/Gallery/Photo", Assert.Single(withoutText.Errors).Location);
        var exported = export["steps"]!.AsArray().Single(s => (string?)s!["name"] == "ContentDefinition")!["ContentParts"]!.AsArray()
            .Single(p => (string?)p!["Name"] == "Gallery")!["ContentPartFieldDefinitionRecords"]![0]!["Settings"]!.AsObject();
        Assert.True(exported["CmsMediaFieldSettings"]!["RequireMediaText"]!.GetValue<bool>());
        Assert.False(exported["MediaFieldSettings"]!.AsObject().ContainsKey("RequireMediaText"));
        Assert.False(exported["MediaFieldSettings"]!["Multiple"]!.GetValue<bool>());
    }

    private static JsonObject StoredSettings(ContentDefinitions definitions) =>
        definitions.FindPart("Gallery")!.ContentPartFieldDefinitionRecords.Single(f => f.Name == "Photo").Settings;

    private static string Definition(string photoSettings) => $$"""
        {
          "name": "ContentDefinition",
          "ContentTypes": [ { "Name": "Gallery", "DisplayName": "Gallery", "Settings": { "ContentTypeSettings": { "Creatable": true } },
            "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "Gallery", "Name": "Gallery" } ] } ],
          "ContentParts": [ { "Name": "Gallery", "ContentPartFieldDefinitionRecords": [ { "FieldName": "MediaField", "Name": "Photo", "Settings": {{photoSettings}} } ] } ]
        }
        """;

    private static string Item(string id, string text) => $$"""
        {
          "ContentItemId": "{{id}}", "ContentType": "Gallery", "DisplayText": "Rooms", "Latest": true, "Published": true,
          "TitlePart": { "Title": "Rooms" }, "Gallery": { "Photo": { "Paths": [ "rooms/calm.png" ], "MediaTexts": [ "{{text}}" ] } }
        }
        """;
}

public sealed class SqliteMediaTextRuleTests : MediaTextRuleContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresMediaTextRuleTests : MediaTextRuleContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
