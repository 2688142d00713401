using System.Diagnostics;
using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Recipes.Execution;
using Microsoft.EntityFrameworkCore.Storage;
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
        await using (await TenantWriteLock.BeginImportAsync(other, default))
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

    /// <summary>
    /// The SQLite import mark holds no data, and whoever makes it owns it: it is made readable and writable by every user,
    /// so an import run as another user (an operator's sudo for the CLI) does not lock the server out of the next one.
    /// </summary>
    [SkippableFact]
    public async Task TheSqliteImportMarkIsOpenToEveryUser()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "File modes are Unix's.");
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = await storage.StartAsync();
        var tenant = await RecipeTenant.CreateAsync(services, "marked");

        var applied = await tenant.ImportTextAsync(Recipe(ArticleDefinition, Items(Article("a1", "Marked"))));
        await using var db = tenant.OpenDb();
        var mark = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetConnectionString(db.Database)).DataSource + TenantWriteLock.SqliteImportMarkSuffix;

        Assert.True(applied.Applied, string.Join("\n", applied.Errors));
        var mode = OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() ? File.GetUnixFileMode(mark) : UnixFileMode.None;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite, mode);
    }

    /// <summary>
    /// A save is not an import, however long it holds its share of the lock (a series renumbered on a loaded machine):
    /// the import waits for it and applies, instead of being refused as if another import ran. The refusal once
    /// depended on the save ending within a one-second try, and a loaded CI machine let it take longer.
    /// </summary>
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public Task ASaveThatSharesTheLockDoesNotRefuseIt(DatabaseProvider provider) =>
        AnImportWaitsForAndThenAppliesAsync(provider, async db =>
        {
            var save = await db.Database.BeginTransactionAsync();
            await TenantWriteLock.ShareAsync(db, default);
            return save;
        });

    /// <summary>A change of features holds the lock alone for a moment, as an import does, but is not an import either.</summary>
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public Task AFeatureChangeHoldingTheLockAloneDoesNotRefuseIt(DatabaseProvider provider) =>
        AnImportWaitsForAndThenAppliesAsync(provider, db => TenantWriteLock.BeginAloneAsync(db, default));

    private static async Task AnImportWaitsForAndThenAppliesAsync(DatabaseProvider provider, Func<TenantDbContext, Task<IDbContextTransaction>> hold)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await using var services = await storage.StartAsync();
        var tenant = await RecipeTenant.CreateAsync(services, "waits");
        await using var writing = tenant.OpenDb();
        var write = await hold(writing);

        // On a thread of its own: SQLite's driver waits for its lock synchronously.
        var import = Task.Run(() => tenant.ImportTextAsync(Recipe(ArticleDefinition, Items(Article("a1", "After The Write"))), s_mayNotWait));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(import.IsCompleted, "The import did not wait for the write.");
        await write.CommitAsync();
        await write.DisposeAsync();
        var result = await import;

        Assert.True(result.Applied, string.Join("\n", result.Errors));
    }
}
