using System.Diagnostics;
using Cms.Tenancy;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cms.Bench;

/// <summary>What the registry costs in memory and per request, measured in the bench's own process.</summary>
internal static class RegistryMeasurements
{
    /// <summary>Loads the whole registry into a registry of the bench's own and returns it, still loaded.</summary>
    public static async Task<TenantRegistry> RegistryMemoryAsync(TenantStore store, Report report)
    {
        // EF's model and compiled queries are paid once per process, not per tenant: warm them before the baseline.
        _ = await store.GetVersionAsync(CancellationToken.None);
        _ = (await store.ListAsync(CancellationToken.None)).Count;

        var registry = new TenantRegistry(store, NullLogger<TenantRegistry>.Instance);
        var before = Memory.ManagedHeapAfterFullGc();
        var clock = Stopwatch.StartNew();
        await registry.RefreshAsync(CancellationToken.None);
        var load = clock.Elapsed;
        var after = Memory.ManagedHeapAfterFullGc();

        var count = registry.Table.Tenants.Count;
        var perTenant = (after - before) / (double)count;
        report.Target(Report.Invariant($"Managed memory per registered tenant ({count:N0} in the registry table)"), Report.Bytes(perTenant), "≤ 10 KB", perTenant <= 10 * 1024);
        report.Fact(Report.Invariant($"Load the registry from the database (TenantRegistry.RefreshAsync, {count:N0} tenants)"), Report.Ms(load.TotalMilliseconds));
        return registry;
    }

    /// <summary>The per-request cost of finding the tenant among all registered ones.</summary>
    public static void Resolution(TenantTable table, Report report)
    {
        const int Calls = 1_000_000;
        var paths = Enumerable.Range(0, 1_000).Select(i => "/" + RegistrySeeder.TenantName((i * 10) + 1) + "/about").ToArray();
        for (var i = 0; i < 10_000; i++)
        {
            _ = HostThenPrefixTenantResolver.Resolve(table, "cms.example.com", paths[i % paths.Length]);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Calls; i++)
        {
            if (HostThenPrefixTenantResolver.Resolve(table, "cms.example.com", paths[i % paths.Length]) is null)
            {
                throw new InvalidOperationException($"{paths[i % paths.Length]} resolved to no tenant.");
            }
        }

        var nanoseconds = clock.Elapsed.TotalNanoseconds / Calls;
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)Calls;
        report.Fact(Report.Invariant($"Resolve a request by URL prefix among {table.Tenants.Count:N0} tenants"), Report.Invariant($"{nanoseconds:0} ns, {bytes:0} B allocated per request"));
    }
}
