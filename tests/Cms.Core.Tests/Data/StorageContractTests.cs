using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Core.Tests.Data;

/// <summary>The storage contract: every provider must pass the same tests (SQLite always, PostgreSQL when configured).</summary>
public abstract class StorageContractTests
{
    protected abstract DatabaseProvider Provider { get; }

    [SkippableFact]
    public async Task StoresListsUpdatesAndRemovesTenants()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var store = services.GetRequiredService<TenantStore>();
        var tenant = Tenant("oak-counseling", ["oak.example.com", "www.oak.example.com"], "oak");

        Assert.True(await store.AddAsync(tenant, default));
        Assert.True(await store.UpdateAsync(tenant, tenant with { State = TenantState.Disabled, Hosts = ["oak.example.com", "new.oak.example.com"] }, default));
        var found = await store.FindAsync("OAK-Counseling", default);

        Assert.NotNull(found);
        Assert.Equal(TenantState.Disabled, found.State);
        Assert.Equal(["new.oak.example.com", "oak.example.com"], found.Hosts);
        Assert.Equal("oak", found.Prefix);
        Assert.Contains(await store.ListAsync(default), t => t.Name == "oak-counseling");
        Assert.True(await store.RemoveAsync("oak-counseling", default));
        Assert.Null(await store.FindAsync("oak-counseling", default));
    }

    [SkippableFact]
    public async Task RefusesASecondTenantWithTheSameNameHostOrPrefix()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var store = services.GetRequiredService<TenantStore>();
        await store.AddAsync(Tenant("first", ["shared.example.com"], "shared"), default);

        var clash = Tenant("FIRST", ["shared.example.com"], "shared");
        var conflicts = await store.FindConflictsAsync(clash, default);

        Assert.Equal(3, conflicts.Count);
        Assert.Contains(conflicts, c => c.Contains("named 'FIRST'", StringComparison.Ordinal));
        Assert.Contains(conflicts, c => c.Contains("host 'shared.example.com'", StringComparison.Ordinal));
        Assert.Contains(conflicts, c => c.Contains("prefix 'shared'", StringComparison.Ordinal));

        // The database's unique keys hold even when two writers pass the check at the same moment.
        Assert.False(await store.AddAsync(Tenant("second", ["shared.example.com"], null), default));
        Assert.False(await store.AddAsync(Tenant("third", [], "shared"), default));
        Assert.Single(await store.ListAsync(default));
    }

    [SkippableFact]
    public async Task MovesTheRegistryVersionWithEveryChange()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var store = services.GetRequiredService<TenantStore>();
        var start = await store.GetVersionAsync(default);

        await store.AddAsync(Tenant("versioned", [], "versioned"), default);
        var afterAdd = await store.GetVersionAsync(default);
        await store.UpdateAsync(Tenant("versioned", [], "versioned"), Tenant("versioned", [], "versioned") with { State = TenantState.Disabled }, default);
        var afterUpdate = await store.GetVersionAsync(default);
        await store.AddAsync(Tenant("versioned", [], "versioned"), default);

        Assert.Equal(start + 1, afterAdd);
        Assert.Equal(start + 2, afterUpdate);
        Assert.Equal(afterUpdate, await store.GetVersionAsync(default));
    }

    [SkippableFact]
    public async Task KeepsEachTenantsRowsApart()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var manager = services.GetRequiredService<TenantManager>();
        var database = services.GetRequiredService<CmsDatabase>();
        var users = services.GetRequiredService<UserAccounts>();
        var a = (await manager.CreateAsync(new CreateTenantRequest { Name = "alpha", Prefix = "alpha", AdminUserName = "ann", AdminPassword = "a-long-password" }, default)).Tenant!;
        var b = (await manager.CreateAsync(new CreateTenantRequest { Name = "beta", Prefix = "beta", AdminUserName = "bob", AdminPassword = "b-long-password" }, default)).Tenant!;

        await using var alpha = new TenantDbContext(database.TenantOptions(a), a.Name);
        await using var beta = new TenantDbContext(database.TenantOptions(b), b.Name);
        await users.CreateAsync(alpha, "same-name", "c-long-password", [Roles.Editor], default);
        await users.CreateAsync(beta, "same-name", "d-long-password", [Roles.Author], default);

        Assert.Equal(["ann", "same-name"], await alpha.Users.Select(u => u.UserName).OrderBy(n => n).ToListAsync());
        Assert.Equal(["bob", "same-name"], await beta.Users.Select(u => u.UserName).OrderBy(n => n).ToListAsync());
        Assert.Equal(SignInStatus.Failed, (await users.CheckPasswordAsync(alpha, "bob", "b-long-password", default)).Status);
        Assert.Equal(SignInStatus.Succeeded, (await users.CheckPasswordAsync(beta, "bob", "b-long-password", default)).Status);
    }

    [SkippableFact]
    public async Task ATenantsNewAddressClashesOnlyWithOtherTenantsHostsAndPrefixes()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var store = services.GetRequiredService<TenantStore>();
        var oak = Tenant("oak", ["oak.example.com"], "oak");
        Assert.True(await store.AddAsync(oak, default));
        Assert.True(await store.AddAsync(Tenant("pine", ["pine.example.com"], "pine"), default));

        Assert.Empty(await store.FindAddressConflictsAsync(oak with { Prefix = "oak-grove" }, default));
        Assert.Equal(
            ["The host 'pine.example.com' already belongs to tenant 'pine'.", "The prefix 'pine' already belongs to tenant 'pine'."],
            await store.FindAddressConflictsAsync(oak with { Hosts = ["oak.example.com", "pine.example.com"], Prefix = "pine" }, default));

        Assert.True(await store.UpdateAsync(oak, oak with { Hosts = ["oak-grove.example.com"], Prefix = "oak-grove" }, default));
        var moved = await store.FindAsync("oak", default);
        Assert.Equal(["oak-grove.example.com"], moved!.Hosts);
        Assert.Equal("oak-grove", moved.Prefix);
        Assert.Empty(await store.FindConflictsAsync(Tenant("acorn", ["oak.example.com"], "oak"), default));
    }

    [SkippableFact]
    public async Task TwoChangesMadeAtOnceToDifferentThingsBothStay()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var store = services.GetRequiredService<TenantStore>();
        var elm = Tenant("elm", ["elm.example.com"], "elm");
        Assert.True(await store.AddAsync(elm, default));

        // Both read the tenant before either stored its change: one disables it, the other moves it.
        var readByDisable = (await store.FindAsync("elm", default))!;
        var readByMove = (await store.FindAsync("elm", default))!;
        Assert.True(await store.UpdateAsync(readByMove, readByMove with { Hosts = ["elm-grove.example.com"], Prefix = "elm-grove" }, default));
        Assert.True(await store.UpdateAsync(readByDisable, readByDisable with { State = TenantState.Disabled }, default));

        var stored = (await store.FindAsync("elm", default))!;
        Assert.Equal(TenantState.Disabled, stored.State);
        Assert.Equal("elm-grove", stored.Prefix);
        Assert.Equal(["elm-grove.example.com"], stored.Hosts);
    }

    [SkippableFact]
    public async Task RemovingATenantDeletesItsDataAndNothingElse()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var manager = services.GetRequiredService<TenantManager>();
        var database = services.GetRequiredService<CmsDatabase>();
        await manager.CreateAsync(new CreateTenantRequest { Name = "gone", Prefix = "gone", AdminUserName = "ann", AdminPassword = "a-long-password" }, default);
        var kept = (await manager.CreateAsync(new CreateTenantRequest { Name = "kept", Prefix = "kept", AdminUserName = "kim", AdminPassword = "k-long-password" }, default)).Tenant!;

        Assert.True((await manager.RemoveAsync("gone", default)).Succeeded);
        var recreated = (await manager.CreateAsync(new CreateTenantRequest { Name = "gone", Prefix = "gone" }, default)).Tenant!;

        await using var fresh = new TenantDbContext(database.TenantOptions(recreated), recreated.Name);
        await using var other = new TenantDbContext(database.TenantOptions(kept), kept.Name);
        Assert.Empty(await fresh.Users.ToListAsync());
        Assert.Equal(["kim"], await other.Users.Select(u => u.UserName).ToListAsync());
    }

    [SkippableFact]
    public async Task AppliesEachMigrationExactlyOnce()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = storage.BuildServices();
        var database = services.GetRequiredService<CmsDatabase>();

        await database.MigrateHostAsync(default);
        await database.MigrateHostAsync(default);

        await using var host = database.CreateHostContext();
        Assert.Equal(host.Database.GetMigrations(), await host.Database.GetAppliedMigrationsAsync());
        Assert.Equal(1, await host.HostState.CountAsync());
    }

    [SkippableFact]
    public async Task TwoHostsStartingTogetherMigrateOnce()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var first = storage.BuildServices();
        await using var second = storage.BuildServices();
        var a = first.GetRequiredService<CmsDatabase>();
        var b = second.GetRequiredService<CmsDatabase>();

        await Task.WhenAll(Task.Run(() => a.MigrateHostAsync(default)), Task.Run(() => b.MigrateHostAsync(default)));

        await using var host = a.CreateHostContext();
        Assert.Equal(host.Database.GetMigrations(), await host.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await host.HostState.Select(s => s.RegistryVersion).SingleAsync());
    }

    [SkippableFact]
    public async Task ASetupThatFailsLeavesNoTenantBehind()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var manager = services.GetRequiredService<TenantManager>();

        // A database of its own that cannot be reached: the registry row and any data must go again.
        var unreachable = Provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(storage.DataPath, "no-such-folder", "x", "cms.db")}"
            : "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=2";
        var result = await manager.CreateAsync(new CreateTenantRequest { Name = "broken", Prefix = "broken", ConnectionString = unreachable }, default);

        Assert.Equal(TenantFailure.SetupFailed, result.Failure);
        Assert.Contains("nothing was kept", result.Errors.Single(), StringComparison.Ordinal);
        Assert.Null(await manager.FindAsync("broken", default));
        Assert.True((await manager.CreateAsync(new CreateTenantRequest { Name = "broken", Prefix = "broken" }, default)).Succeeded);
    }

    internal static TenantSettings Tenant(string name, string[] hosts, string? prefix) =>
        new(name, TenantState.Running, hosts, prefix, null, null, new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero));
}

public sealed class SqliteStorageTests : StorageContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresStorageTests : StorageContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
