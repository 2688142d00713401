using System.Text.Json.Nodes;
using Cms.Content;
using Cms.Content.Definitions;
using Cms.Core.Tests.Support;
using Cms.Data;
using static Cms.Core.Tests.Support.Recipes;

namespace Cms.Core.Tests.Recipes;

/// <summary>
/// Issue 13, item 7: a choices field's editor is stored and exported by Orchard's names (CheckboxList, Picker); the name
/// "Checkbox" older recipes and sites have is read as CheckboxList, and a name Orchard does not have is kept as it was given.
/// </summary>
public abstract class MultiTextEditorNameContractTests
{
    protected abstract DatabaseProvider Provider { get; }

    [SkippableTheory]
    [InlineData("Checkbox", "CheckboxList")]
    [InlineData("CheckboxList", "CheckboxList")]
    [InlineData("Picker", "Picker")]
    [InlineData("Dropdown", "Dropdown")]
    public async Task AnImportStoresOrchardsEditorName(string given, string stored)
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var tenant = await RecipeTenant.CreateAsync(services, "choices");

        var result = await tenant.ImportTextAsync(Recipe(Definition(given)));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(stored, SettingsReader.Text(Topics(await tenant.DefinitionsAsync()), ContentNames.ContentPartFieldSettings, "Editor"));
    }

    [SkippableFact]
    public async Task ASiteStoredWithCheckboxExportsCheckboxList()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var tenant = await RecipeTenant.CreateAsync(services, "older");
        Assert.True((await tenant.ImportTextAsync(Recipe(Definition("CheckboxList")))).Succeeded);
        var definitions = await tenant.DefinitionsAsync();
        Topics(definitions)["ContentPartFieldSettings"]!["Editor"] = "Checkbox";
        await tenant.StoreAsync(ContentDefinitions.DocumentKey, definitions);

        var export = await tenant.ExportAsync();

        var exported = export["steps"]!.AsArray().Single(s => (string?)s!["name"] == "ContentDefinition")!["ContentParts"]!.AsArray()
            .Single(p => (string?)p!["Name"] == "Article")!["ContentPartFieldDefinitionRecords"]![0]!["Settings"]!;
        Assert.Equal("CheckboxList", (string?)exported["ContentPartFieldSettings"]!["Editor"]);
    }

    private static JsonObject Topics(ContentDefinitions definitions) =>
        definitions.FindPart("Article")!.ContentPartFieldDefinitionRecords.Single(f => f.Name == "Topics").Settings;

    private static string Definition(string editor) => $$"""
        {
          "name": "ContentDefinition",
          "ContentTypes": [ { "Name": "Article", "DisplayName": "Article", "ContentTypePartDefinitionRecords": [ { "PartName": "Article", "Name": "Article" } ] } ],
          "ContentParts": [ { "Name": "Article", "ContentPartFieldDefinitionRecords": [ { "FieldName": "MultiTextField", "Name": "Topics", "Settings": {
            "ContentPartFieldSettings": { "DisplayName": "Topics", "Editor": "{{editor}}" },
            "MultiTextFieldSettings": { "Options": [ { "name": "Grief", "value": "grief" }, { "name": "Anxiety", "value": "anxiety" } ] } } } ] } ]
        }
        """;
}

public sealed class SqliteMultiTextEditorNameTests : MultiTextEditorNameContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresMultiTextEditorNameTests : MultiTextEditorNameContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
