using System.Diagnostics;
using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Recipes.Execution;
using static Cms.Core.Tests.Support.Recipes;

namespace Cms.Core.Tests.Recipes;

/// <summary>
/// Issue 14, item 12: an import that may not wait (the admin's) is refused at once, with the reason, while another
/// import holds the practice's write lock (on any node, or the CLI), and changes nothing; once that one is done it applies.
/// </summary>
public sealed class ImportRefusedWhileImportingTests
{
    private static readonly RecipeOptions s_mayNotWait = new() { RefuseWhileImporting = true };

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AnImportThatMayNotWaitIsRefusedAtOnceWhileAnotherHoldsTheLock(DatabaseProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await using var services = await storage.StartAsync();
        var tenant = await RecipeTenant.CreateAsync(services, "busy");
        var recipe = Recipe(ArticleDefinition, Items(Article("a1", "Waits Its Turn")));
        var before = await tenant.SnapshotAsync();

        RecipeResult refused;
        var waited = Stopwatch.StartNew();
        await using (var other = tenant.OpenDb())
        await using (await TenantWriteLock.BeginAloneAsync(other, default))
        {
            refused = await tenant.ImportTextAsync(recipe, s_mayNotWait);
            waited.Stop();
        }

        Assert.False(refused.Applied);
        Assert.Equal(RecipeExecutor.AnotherImportRuns, Assert.Single(refused.Errors).Message);
        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(5), $"Refused after {waited.Elapsed}, not at once.");
        Assert.Equal(before, await tenant.SnapshotAsync());
        var applied = await tenant.ImportTextAsync(recipe, s_mayNotWait);
        Assert.True(applied.Applied, string.Join("\n", applied.Errors));
    }

    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ASaveThatSharesTheLockForAMomentDoesNotRefuseIt(DatabaseProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await using var services = await storage.StartAsync();
        var tenant = await RecipeTenant.CreateAsync(services, "saving");
        await using var saving = tenant.OpenDb();
        var save = await saving.Database.BeginTransactionAsync();
        await TenantWriteLock.ShareAsync(saving, default);

        // On a thread of its own: SQLite's driver waits for its lock synchronously.
        var import = Task.Run(() => tenant.ImportTextAsync(Recipe(ArticleDefinition, Items(Article("a1", "After The Save"))), s_mayNotWait));
        await Task.Delay(200);
        await save.CommitAsync();
        await save.DisposeAsync();
        var result = await import;

        Assert.True(result.Applied, string.Join("\n", result.Errors));
    }
}
