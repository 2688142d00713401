using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cms.Core.Tests.ThreatModel;

/// <summary>
/// Issue 11, item 5: the tenant setting for row-level security now goes out with a connection's first query instead
/// of on its own when the connection opens. One pooled connection (a pool of one) is passed from tenant to tenant:
/// whatever happens to the setting, a tenant sees its own rows and never another's, and a plain connection none.
/// The tenant query filter is switched off here, so row-level security is the only wall.
/// </summary>
public sealed class TenantSettingScopeTests
{
    [SkippableFact]
    public async Task APooledConnectionPassedFromTenantToTenantShowsEachOnlyItsOwnRows()
    {
        await using var scope = await TwoTenantsAsync();
        Assert.Equal(["alpha"], await TenantsSeenOnceAsync(scope.Context("alpha")));
        Assert.Equal(["beta"], await TenantsSeenOnceAsync(scope.Context("beta")));
        Assert.Equal(["alpha"], await TenantsSeenOnceAsync(scope.Context("alpha")));

        // The same physical connection, opened without a tenant: the setting did not stay on it.
        await using var plain = new NpgsqlConnection(scope.ConnectionString);
        await plain.OpenAsync();
        await using var count = new NpgsqlCommand("""SELECT count(*) FROM "Users" """, plain);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    [SkippableFact]
    public async Task AFailedFirstQueryTakesTheSettingWithItAndTheNextQueryGivesItAgain()
    {
        await using var scope = await TwoTenantsAsync();
        Assert.Equal(["alpha"], await TenantsSeenOnceAsync(scope.Context("alpha")));

        await using var beta = scope.Context("beta");
        await beta.Database.OpenConnectionAsync();
        // Fails on the server after the setting ran in the same implicit transaction, which rolls it back.
        await Assert.ThrowsAsync<PostgresException>(() => beta.Users.IgnoreQueryFilters().Select(u => 1 / (u.UserName.Length - u.UserName.Length)).ToListAsync());

        Assert.Equal(["beta"], await TenantsSeenAsync(beta));
    }

    [SkippableFact]
    public async Task ARolledBackTransactionTakesTheSettingWithItAndTheNextQueryGivesItAgain()
    {
        await using var scope = await TwoTenantsAsync();
        Assert.Equal(["alpha"], await TenantsSeenOnceAsync(scope.Context("alpha")));

        await using var beta = scope.Context("beta");
        await beta.Database.OpenConnectionAsync();
        await using (var transaction = await beta.Database.BeginTransactionAsync())
        {
            Assert.Equal(["beta"], await TenantsSeenAsync(beta));
            await transaction.RollbackAsync();
        }

        Assert.Equal(["beta"], await TenantsSeenAsync(beta));
    }

    private static Task<List<string>> TenantsSeenAsync(TenantDbContext db) =>
        db.Users.IgnoreQueryFilters().Select(u => u.TenantId).Distinct().OrderBy(t => t).ToListAsync();

    private static async Task<List<string>> TenantsSeenOnceAsync(TenantDbContext db)
    {
        await using (db)
        {
            return await TenantsSeenAsync(db);
        }
    }

    private static async Task<Scope> TwoTenantsAsync()
    {
        var storage = await TestStorage.CreateAsync(DatabaseProvider.Postgres);
        await using var services = storage.BuildServices();
        await services.GetRequiredService<CmsDatabase>().MigrateHostAsync(default);
        var manager = services.GetRequiredService<TenantManager>();
        var tenants = new Dictionary<string, TenantSettings>();
        foreach (var name in new[] { "alpha", "beta" })
        {
            var created = await manager.CreateAsync(new CreateTenantRequest { Name = name, Prefix = name, AdminUserName = name + "-admin", AdminPassword = "a-long-password" }, default);
            tenants[name] = created.Tenant!;
        }

        var single = new NpgsqlConnectionStringBuilder(storage.ConnectionString) { MaxPoolSize = 1 }.ConnectionString;
        var pooled = storage.BuildServices(new Dictionary<string, string?> { ["Cms:Database:ConnectionString"] = single });
        // The string the host connects with (it adds automatic preparation), so a plain connection comes from the same pool of one.
        return new Scope(storage, pooled, tenants, pooled.GetRequiredService<CmsDatabase>().SharedConnectionString!);
    }

    private sealed record Scope(TestStorage Storage, ServiceProvider Services, Dictionary<string, TenantSettings> Tenants, string ConnectionString) : IAsyncDisposable
    {
        public TenantDbContext Context(string tenant) =>
            new(Services.GetRequiredService<CmsDatabase>().TenantOptions(Tenants[tenant]), tenant);

        public async ValueTask DisposeAsync()
        {
            await Services.DisposeAsync();
            await Storage.DisposeAsync();
        }
    }
}
