using System.Globalization;
using Cms.Data;
using Cms.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Cms.Bench;

/// <summary>Fills the registry with many tenants fast, and sets up the databases of some of them.</summary>
internal static class RegistrySeeder
{
    /// <summary>t00001 … t10000: the name doubles as the URL prefix, so /t00123/ reaches tenant t00123.</summary>
    public static string TenantName(int number) => "t" + number.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>
    /// Inserts Running tenants straight into the registry in one transaction. TenantManager would set up
    /// each one's database too, which is what the bench must not pay for ten thousand times.
    /// </summary>
    public static async Task InsertRunningAsync(CmsDatabase database, int count, CancellationToken cancellationToken)
    {
        await using var db = database.CreateHostContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        for (var number = 1; number <= count; number++)
        {
            var name = TenantName(number);
            db.Tenants.Add(new TenantRecord { Name = name, NormalizedName = name, State = nameof(TenantState.Running), Prefix = name, CreatedUtc = now });
        }

        await db.SaveChangesAsync(cancellationToken);

        // As TenantStore does: the version moves with the rows, so a running host would reload.
        await db.HostState.Where(s => s.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(x => x.RegistryVersion, x => x.RegistryVersion + 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Gives tenants what a set-up tenant has (migrated database, site settings), without an administrator:
    /// hashing a password a thousand times would only slow the setup down.
    /// </summary>
    public static Task SetUpDatabasesAsync(TenantSetup setup, IEnumerable<TenantSettings> tenants, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            tenants,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (tenant, ct) => await setup.SetUpAsync(tenant, new CreateTenantRequest { Name = tenant.Name, Prefix = tenant.Prefix }, ct));
}
