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

        // This host has neither the Practice nor the Menu module (Core's tests): their features, the practice theme and
        // the parts only they (and Orchard's Alias module) give behaviour are named as absent, and nothing else is.
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(["/steps/0/enable", "/steps/1/site", "/steps/4/ContentTypes"], result.Warnings.Select(w => w.ToString()!.Split(':')[0]));
        Assert.EndsWith("ignored: OrchardCore.Menu, Cms.Practice.", result.Warnings[0].ToString(), StringComparison.Ordinal);
        Assert.Contains("Cms.Practice", result.Warnings[1].ToString(), StringComparison.Ordinal);
        Assert.Contains("AliasPart, MenuItemsListPart.", result.Warnings[2].ToString(), StringComparison.Ordinal);
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
