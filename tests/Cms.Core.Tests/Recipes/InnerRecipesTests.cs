using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Recipes.Steps;
using Microsoft.Extensions.DependencyInjection;
using static Cms.Core.Tests.Support.Recipes;

namespace Cms.Core.Tests.Recipes;

public sealed class InnerRecipesTests
{
    [Fact]
    public async Task ARecipesStepRunsTheNamedRecipeInTheSameTransaction()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Sqlite);
        var folder = Path.Combine(storage.DataPath, "recipes");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "roles.recipe.json"), Recipe("""{ "name": "Roles", "Roles": [ { "Name": "Counselor", "Permissions": [ "EditOwnContent" ] } ] }""").Replace("\"test\"", "\"roles-only\"", StringComparison.Ordinal));
        await File.WriteAllTextAsync(Path.Combine(folder, "broken.recipe.json"), Recipe("""{ "name": "Roles", "Roles": [ { "Permissions": [] } ] }""").Replace("\"test\"", "\"broken-roles\"", StringComparison.Ordinal));
        await using var services = storage.BuildServices(new Dictionary<string, string?> { ["Cms:RecipesPath"] = folder });
        await services.GetRequiredService<CmsDatabase>().MigrateHostAsync(default);
        var tenant = await RecipeTenant.CreateAsync(services, "inner");

        var good = await tenant.ImportTextAsync(Recipe("""{ "name": "recipes", "Values": [ { "executionid": "x", "name": "roles-only" } ] }""", """{ "name": "settings", "SiteName": "After" }"""));
        var bad = await tenant.ImportTextAsync(Recipe("""{ "name": "settings", "SiteName": "Never" }""", """{ "name": "recipes", "Values": [ { "executionid": "x", "name": "broken-roles" } ] }"""));

        Assert.True(good.Succeeded, string.Join("\n", good.Errors));
        Assert.NotNull((await tenant.DocumentAsync(RecipeDocuments.Roles))!["Counselor"]);
        Assert.Equal("/steps/1/Values/0/steps/0/Roles/0/Name", Assert.Single(bad.Errors).Location);
        Assert.Equal("After", (await tenant.DocumentAsync(RecipeDocuments.OrchardSite))!["SiteName"]!.GetValue<string>());
    }
}
