using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Recipes.Steps;

namespace Cms.Core.Tests.Recipes;

/// <summary>
/// Issue 13, item 7: the practice recipe enables what Orchard's own blank recipe enables for its themes step and home page
/// (OrchardCore.Themes, TheAdmin, OrchardCore.HomeRoute); this host records them without a warning (it names only the Practice module it lacks here).
/// </summary>
public abstract class PracticeRecipeFeaturesContractTests
{
    protected abstract DatabaseProvider Provider { get; }

    [SkippableFact]
    public async Task ThePracticeRecipeImportsWithoutAWarningAndRecordsTheThemeAndHomeRouteFeatures()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var tenant = await RecipeTenant.CreateAsync(services, "practice");

        var result = await tenant.ImportAsync(Path.Combine(AppContext.BaseDirectory, "Recipes", "practice.recipe.json"));

        // This host has no Practice module (Core's tests): the recipe's own Cms.Practice feature and theme are named as
        // absent, and nothing else is.
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(["/steps/0/enable", "/steps/1/site"], result.Warnings.Select(w => w.ToString()!.Split(':')[0]));
        Assert.All(result.Warnings, w => Assert.Contains("Cms.Practice", w.ToString(), StringComparison.Ordinal));
        var enabled = (await tenant.DocumentAsync(RecipeDocuments.Features))!["Enabled"]!.AsArray().Select(f => (string?)f).ToList();
        Assert.Contains("OrchardCore.Themes", enabled);
        Assert.Contains("TheAdmin", enabled);
        Assert.Contains("OrchardCore.HomeRoute", enabled);
    }
}

public sealed class SqlitePracticeRecipeFeaturesTests : PracticeRecipeFeaturesContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresPracticeRecipeFeaturesTests : PracticeRecipeFeaturesContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
