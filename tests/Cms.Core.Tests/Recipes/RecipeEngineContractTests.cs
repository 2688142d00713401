using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Media;
using Cms.Recipes.Execution;
using Cms.Recipes.Steps;
using Cms.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using static Cms.Core.Tests.Support.Recipes;

namespace Cms.Core.Tests.Recipes;

/// <summary>The engine's promises: checked first, all or nothing, idempotent, clear messages. On SQLite and PostgreSQL.</summary>
public abstract class RecipeEngineContractTests
{
    protected abstract DatabaseProvider Provider { get; }

    [SkippableFact]
    public async Task TheSameRecipeTwiceGivesTheSameState()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var tenant = await RecipeTenant.CreateAsync(services, "twice");
        var blog = RecipeTenant.Fixture("OrchardCMS__OrchardCore__blog.recipe.json");

        var first = await tenant.ImportAsync(blog);
        var afterFirst = await tenant.SnapshotAsync();
        var second = await tenant.ImportAsync(blog);

        Assert.True(first.Succeeded && second.Succeeded, string.Join("\n", first.Errors.Concat(second.Errors)));
        Assert.Equal(afterFirst, await tenant.SnapshotAsync());
        Assert.Equal(7, second.Counts["items unchanged"]);
        Assert.False(second.Counts.ContainsKey("items imported"));
    }

    [SkippableFact]
    public async Task ARecipeWhoseLastStepIsBrokenChangesNothing()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var tenant = await RecipeTenant.CreateAsync(services, "atomic");
        var before = await tenant.SnapshotAsync();

        var result = await tenant.ImportTextAsync(Recipe(
            ArticleDefinition,
            """{ "name": "settings", "SiteName": "Changed" }""",
            Items(Article("a1", "Fine")),
            """{ "name": "Roles", "Roles": [ { "Description": "no name" } ] }"""));

        Assert.False(result.Applied);
        Assert.Equal("/steps/3/Roles/0/Name", Assert.Single(result.Errors).Location);
        Assert.Equal(before, await tenant.SnapshotAsync());
        Assert.Null(await tenant.DocumentAsync(RecipeDocuments.OrchardSite));
    }

    [SkippableFact]
    public async Task AFailureWhileApplyingRollsEverythingBack()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var tenant = await RecipeTenant.CreateAsync(services, "rollback");
        var before = await tenant.SnapshotAsync();

        // Both items ask for the same custom path: only applying them finds the clash, at the second.
        var clash = """, "AutoroutePart": { "Path": "same/path" } """;
        var result = await tenant.ImportTextAsync(Recipe(
            ArticleDefinition,
            """{ "name": "settings", "SiteName": "Changed" }""",
            Items(Article("a1", "One").Replace("\"MarkdownBodyPart\"", clash.TrimStart(',') + ", \"MarkdownBodyPart\"", StringComparison.Ordinal),
                    Article("a2", "Two").Replace("\"MarkdownBodyPart\"", clash.TrimStart(',') + ", \"MarkdownBodyPart\"", StringComparison.Ordinal))));

        Assert.False(result.Applied);
        var error = Assert.Single(result.Errors);
        Assert.Equal("/steps/2/data/1/AutoroutePart/Path", error.Location);
        Assert.Contains("already used by item 'a1'", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await tenant.SnapshotAsync());
        Assert.Null(await tenant.DocumentAsync(RecipeDocuments.OrchardSite));
    }

    [SkippableFact]
    public async Task ReportsEveryProblemWithItsPlaceAndWritesNothing()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var tenant = await RecipeTenant.CreateAsync(services, "messages");

        var result = await tenant.ImportTextAsync(Recipe(
            ArticleDefinition,
            """{ "name": "FrobnicateStep" }""",
            Items(
                """{ "ContentType": "Article", "TitlePart": { "Title": "No id" } }""",
                """{ "ContentItemId": "x2", "ContentType": 7 }""",
                """{ "ContentItemId": "x3", "ContentType": "Article", "Published": "yes" }""",
                Article("x4", "Dangling", """, "Related": { "ContentItemIds": [ "missing-item" ] }""")),
            """{ "name": "media", "Files": [ { "TargetPath": "../escape.txt", "Base64": "aGk=" } ] }""",
            """{ "name": "Templates", "Templates": { "Content__Article": { "Content": "{% if %}" } } }"""));

        Assert.False(result.Applied);
        Assert.Equal(
            [
                "/steps/2/data/0/ContentItemId",
                "/steps/2/data/1/ContentType",
                "/steps/2/data/2/Published",
                "/steps/3/Files/0/TargetPath",
                "/steps/4/Templates/Content__Article/Content",
                "/steps/2/data/3/Article/Related/ContentItemIds/0",
            ],
            result.Errors.Select(e => e.Location));
        Assert.Contains("'missing-item' is neither in this recipe nor in the site", result.Errors[^1].Message, StringComparison.Ordinal);
        Assert.Contains(result.Warnings, w => w.Location == "/steps/1/name" && w.Message.Contains("'FrobnicateStep'", StringComparison.Ordinal));
        Assert.Empty(await tenant.ItemsAsync());
        Assert.Empty((await tenant.DefinitionsAsync()).ContentTypeDefinitionRecords);
    }

    [SkippableFact]
    public async Task StrictTurnsUnsupportedThingsIntoErrors()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var tenant = await RecipeTenant.CreateAsync(services, "strict");
        var recipe = Recipe("""{ "name": "feature", "enable": [ "OrchardCore.Title", "OrchardCore.Workflows" ] }""", """{ "name": "layers", "Layers": [] }""");

        var lenient = await tenant.ImportTextAsync(recipe, new RecipeOptions { DryRun = true });
        var strict = await tenant.ImportTextAsync(recipe, new RecipeOptions { Strict = true });

        Assert.True(lenient.Succeeded);
        Assert.False(lenient.Applied);
        Assert.Equal(2, lenient.Warnings.Count);
        Assert.Contains("OrchardCore.Workflows", lenient.Warnings[0].Message, StringComparison.Ordinal);
        Assert.Equal(["/steps/0/enable", "/steps/1/name"], strict.Errors.Select(e => e.Location));
        Assert.Null(await tenant.DocumentAsync(RecipeDocuments.Features));
    }

    [SkippableFact]
    public async Task SaysWhereAFileIsNotJson()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var tenant = await RecipeTenant.CreateAsync(services, "badjson");

        var result = await tenant.ImportTextAsync("{\n  \"steps\": [\n    { \"name\": \"content\", \"data\": [ { \"ContentItemId\": \"a\" \"ContentType\": \"X\" } ] }\n  ]\n}");

        var error = Assert.Single(result.Errors);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
        Assert.Equal("/steps/0/data/0", error.Location);
    }

    [SkippableFact]
    public async Task AppliesTheSimpleSteps()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var tenant = await RecipeTenant.CreateAsync(services, "steps");

        var result = await tenant.ImportTextAsync(Recipe(
            """{ "name": "Feature", "enable": [ "OrchardCore.Markdown", "OrchardCore.Lists" ] }""",
            """{ "name": "settings", "SiteName": "Riverbend Counseling", "TimeZoneId": "America/New_York", "HomeRoute": { "Action": "Display" } }""",
            """{ "name": "Roles", "Roles": [ { "Name": "Editor", "Description": "Edits", "Permissions": [ "EditContent", "PublishContent" ] } ] }""",
            """{ "name": "Templates", "Templates": { "Content__Article": { "Description": "article", "Content": "<h1>{{ Model.ContentItem.DisplayText }}</h1>" } } }""",
            """{ "name": "custom-settings", "PracticeSettings": { "ContentType": "PracticeSettings", "PracticeSettings": { "Phone": { "Text": "555" } } } }""",
            """{ "name": "media", "Files": [ { "TargetPath": "team/dana.png", "Base64": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==" } ] }""",
            ArticleDefinition,
            """{ "name": "DeleteContentDefinition", "ContentTypes": [ "Series" ], "ContentParts": [] }""",
            """{ "name": "ReplaceContentDefinition", "ContentTypes": [], "ContentParts": [ { "Name": "Article", "ContentPartFieldDefinitionRecords": [ { "FieldName": "TextField", "Name": "Subtitle" } ] } ] }"""));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal("""["OrchardCore.Lists","OrchardCore.Markdown"]""", (await tenant.DocumentAsync(RecipeDocuments.Features))!["Enabled"]!.ToJsonString());
        await using (var db = tenant.OpenDb())
        {
            var site = await TenantDocuments.GetAsync<SiteSettings>(db, SiteSettings.DocumentKey, default);
            Assert.Equal(("Riverbend Counseling", "America/New_York"), (site!.SiteName, site.TimeZone));
        }

        Assert.Equal("Display", (await tenant.DocumentAsync(RecipeDocuments.OrchardSite))!["HomeRoute"]!["Action"]!.GetValue<string>());
        Assert.Equal(2, (await tenant.DocumentAsync(RecipeDocuments.Roles))!["Editor"]!["Permissions"]!.AsArray().Count);
        Assert.NotNull((await tenant.DocumentAsync(RecipeDocuments.Templates))!["Content__Article"]);
        Assert.Equal("555", (await tenant.DocumentAsync(RecipeDocuments.CustomSettings))!["PracticeSettings"]!["PracticeSettings"]!["Phone"]!["Text"]!.GetValue<string>());
        var media = await services.GetRequiredService<IMediaStore>().OpenAsync(tenant.Tenant, "team/dana.png", default);
        Assert.Equal("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", Convert.ToBase64String(await File.ReadAllBytesAsync(media!.FilePath)));
        var definitions = await tenant.DefinitionsAsync();
        Assert.Null(definitions.FindType("Series"));
        Assert.Equal(["Subtitle"], definitions.FindPart("Article")!.ContentPartFieldDefinitionRecords.Select(f => f.Name));
    }
}

public sealed class SqliteRecipeEngineTests : RecipeEngineContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresRecipeEngineTests : RecipeEngineContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
