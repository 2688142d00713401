using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Recipes;
using Cms.Recipes.Export;
using Cms.Recipes.Steps;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Core.Tests.Recipes;

/// <summary>
/// Every real Orchard Core recipe in the fixtures imports into a fresh tenant; what it holds that this
/// host supports is there afterwards (checked against the fixture's own text), what it does not is named
/// in a warning, and an export of the tenant imports into another fresh tenant to the same state.
/// </summary>
public sealed class FixtureImportTests
{
    private static readonly HashSet<string> s_supportedSteps = new(StringComparer.OrdinalIgnoreCase)
    {
        "feature", "themes", "settings", "ContentDefinition", "ReplaceContentDefinition", "DeleteContentDefinition",
        "content", "Roles", "media", "Templates", "custom-settings", "recipes",
    };

    private static readonly JsonDocumentOptions s_orchardJson = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static TheoryData<string> Fixtures() =>
        new(Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Recipes", "Fixtures"), "*.recipe.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task ImportsEveryFixtureAndKeepsWhatItSupports(string fixture)
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = await storage.StartAsync();
        var tenant = await RecipeTenant.CreateAsync(services, "fixture");
        var recipe = Parse(fixture);

        var result = await tenant.ImportAsync(RecipeTenant.Fixture(fixture));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.True(result.Applied);
        await AssertSupportedContentIsThereAsync(tenant, recipe);
        AssertUnsupportedStepsAreNamed(recipe, result);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task AnExportImportsIntoAnEmptyTenantToTheSameState(string fixture)
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = await storage.StartAsync();
        var source = await RecipeTenant.CreateAsync(services, "source");
        var copy = await RecipeTenant.CreateAsync(services, "copy");
        Assert.True((await source.ImportAsync(RecipeTenant.Fixture(fixture))).Succeeded);
        var export = Path.Combine(storage.DataPath, "export.recipe.json");

        await using (var output = File.Create(export))
        {
            Assert.True(await services.GetRequiredService<TenantRecipes>().ExportAsync("source", new ExportOptions(), output, default));
        }

        var imported = await copy.ImportAsync(export);

        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));
        Assert.Equal(await source.SnapshotAsync(), await copy.SnapshotAsync());
        Assert.Equal((await source.DocumentAsync(RecipeDocuments.Roles))?.ToJsonString(), (await copy.DocumentAsync(RecipeDocuments.Roles))?.ToJsonString());
        Assert.Equal((await source.DocumentAsync(RecipeDocuments.CustomSettings))?.ToJsonString(), (await copy.DocumentAsync(RecipeDocuments.CustomSettings))?.ToJsonString());
    }

    [Fact]
    public async Task NamesPartsAndTypesItKeepsWithoutBehaviourOnce()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = await storage.StartAsync();
        var tenant = await RecipeTenant.CreateAsync(services, "named");

        var blog = await tenant.ImportAsync(RecipeTenant.Fixture("OrchardCMS__OrchardCore__blog.recipe.json"));
        var employees = await tenant.ImportAsync(RecipeTenant.Fixture("Lombiq__Orchard-Data-Tables__Lombiq.DataTables.Samples.Content.recipe.json"));

        Assert.Contains(blog.Warnings, w => w.Location == "/steps/5/data/6/LayerMetadata" && w.Message.Contains("'LayerMetadata' is not a part of the type 'RawHtml'", StringComparison.Ordinal));
        Assert.DoesNotContain(blog.Warnings, w => w.Message.Contains("'ContainedPart'", StringComparison.Ordinal));
        Assert.Single(employees.Warnings, w => w.Message.Contains("'Employee' is not defined", StringComparison.Ordinal));
    }

    private static async Task AssertSupportedContentIsThereAsync(RecipeTenant tenant, JsonObject recipe)
    {
        var definitions = await tenant.DefinitionsAsync();
        var items = await tenant.ItemsAsync();
        var roles = await tenant.DocumentAsync(RecipeDocuments.Roles);
        var custom = await tenant.DocumentAsync(RecipeDocuments.CustomSettings);
        var deleted = Steps(recipe, "DeleteContentDefinition").SelectMany(s => Strings(s["ContentTypes"])).ToHashSet();
        foreach (var step in Steps(recipe, "ContentDefinition").Concat(Steps(recipe, "ReplaceContentDefinition")))
        {
            foreach (var type in (step["ContentTypes"] as JsonArray ?? []).OfType<JsonObject>().Select(t => t["Name"]!.GetValue<string>()).Where(t => !deleted.Contains(t)))
            {
                Assert.NotNull(definitions.FindType(type));
            }

            foreach (var part in (step["ContentParts"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var stored = definitions.FindPart(part["Name"]!.GetValue<string>());
                Assert.NotNull(stored);
                var fields = (part["ContentPartFieldDefinitionRecords"] as JsonArray ?? []).OfType<JsonObject>().Select(f => f["Name"]!.GetValue<string>());
                Assert.All(fields, f => Assert.Contains(stored.ContentPartFieldDefinitionRecords, s => s.Name == f));
            }
        }

        var declared = Steps(recipe, "content").SelectMany(s => (s["data"] as JsonArray ?? s["Data"] as JsonArray ?? []).OfType<JsonObject>()).ToList();
        // Literal ids name one item however often they occur; every id computed by a script names a new item.
        var expected = declared.Select(Id).Where(id => !id.StartsWith('[')).Distinct().Count() + declared.Count(i => Id(i).StartsWith('['));
        Assert.Equal(expected, items.Select(i => i.ContentItemId).Distinct().Count());
        foreach (var item in declared.Where(i => !Id(i).StartsWith('[')))
        {
            var stored = Assert.Single(items, i => i.ContentItemId == Id(item) && i.Latest);
            Assert.Equal(item["ContentType"]!.GetValue<string>(), stored.ContentType);
            if (item["DisplayText"] is JsonValue text && text.TryGetValue<string>(out var displayText))
            {
                Assert.Equal(displayText, stored.DisplayText);
            }
        }

        foreach (var role in Steps(recipe, "Roles").SelectMany(s => (s["Roles"] as JsonArray ?? []).OfType<JsonObject>()))
        {
            Assert.NotNull(roles?[role["Name"]!.GetValue<string>()]);
        }

        foreach (var step in Steps(recipe, "custom-settings"))
        {
            Assert.All(step.Select(p => p.Key).Where(k => k != "name"), key => Assert.NotNull(custom?[key]));
        }
    }

    private static void AssertUnsupportedStepsAreNamed(JsonObject recipe, Cms.Recipes.Execution.RecipeResult result)
    {
        foreach (var name in (recipe["steps"] as JsonArray ?? []).OfType<JsonObject>().Select(s => s["name"]!.GetValue<string>()).Where(n => !s_supportedSteps.Contains(n)))
        {
            Assert.Contains(result.Warnings, w => w.Message.Contains($"'{name}'", StringComparison.Ordinal));
        }

        // The fixtures name recipes of other hosts' modules; each is named as skipped.
        foreach (var inner in Steps(recipe, "recipes").SelectMany(s => (s["Values"] as JsonArray ?? []).OfType<JsonObject>()).Select(v => v["name"]!.GetValue<string>()))
        {
            Assert.Contains(result.Warnings, w => w.Message.Contains($"recipe '{inner}'", StringComparison.Ordinal));
        }
    }

    private static string Id(JsonObject item) => item["ContentItemId"]!.GetValue<string>();

    private static IEnumerable<JsonObject> Steps(JsonObject recipe, string name) =>
        (recipe["steps"] as JsonArray ?? []).OfType<JsonObject>().Where(s => string.Equals(s["name"]?.GetValue<string>(), name, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> Strings(JsonNode? node) => (node as JsonArray ?? []).Select(n => n!.GetValue<string>());

    private static JsonObject Parse(string fixture) =>
        JsonNode.Parse(File.ReadAllText(RecipeTenant.Fixture(fixture)), documentOptions: s_orchardJson)!.AsObject();
}
