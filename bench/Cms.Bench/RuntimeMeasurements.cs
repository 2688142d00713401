using System.Diagnostics;
using Cms.Tenancy;
using Microsoft.Data.Sqlite;

namespace Cms.Bench;

/// <summary>What active and released tenant runtimes cost, measured in the bench's own process where the GC can be forced.</summary>
internal static class RuntimeMeasurements
{
    private const double MegaByte = 1024 * 1024;

    /// <summary>Activates every set-up tenant and keeps them active: what an idle active tenant costs.</summary>
    public static async Task ActiveTenantMemoryAsync(TenantRuntimeCache cache, TenantTable table, IReadOnlyList<TenantSettings> tenants, Report report)
    {
        Progress.Say($"Activating {tenants.Count:N0} tenants in-process");

        // Activating one tenant first pays the JIT and EF's tenant model, which all tenants share.
        var warmUp = table.Default ?? throw new InvalidOperationException("The registry has no Default tenant.");
        await cache.GetAsync(warmUp, CancellationToken.None);
        cache.Release(warmUp.Name);
        SqliteConnection.ClearAllPools();

        var heapBefore = Memory.ManagedHeapAfterFullGc();
        var rssBefore = Memory.ResidentBytes();
        var times = new List<double>(tenants.Count);
        foreach (var tenant in tenants)
        {
            var clock = Stopwatch.StartNew();
            await cache.GetAsync(tenant, CancellationToken.None);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        var heapPerTenant = (Memory.ManagedHeapAfterFullGc() - heapBefore) / (double)tenants.Count;
        var rssPerTenant = (Memory.ResidentBytes() - rssBefore) / (double)tenants.Count;
        report.Target(Report.Invariant($"Managed heap per active idle tenant ({cache.ActiveCount:N0} active, in-process)"), Report.Bytes(heapPerTenant), "≤ 1 MB", heapPerTenant <= MegaByte);
        report.Target("RSS per active idle tenant (same; includes SQLite's native memory)", Report.Bytes(rssPerTenant), "≤ 1 MB", rssPerTenant <= MegaByte);
        report.Latency("Cold: activation in-process (TenantRuntimeCache.GetAsync, no HTTP)", Distribution.Of(times));

        foreach (var tenant in tenants)
        {
            cache.Release(tenant.Name);
        }
    }
}
