using System.Diagnostics;
using Cms.Tenancy;
using Microsoft.Data.Sqlite;

namespace Cms.Bench;

/// <summary>
/// The tenant host against the design's targets, with 10,000 tenants registered in a fresh SQLite data
/// folder: registry memory, start to first page, cold activation, active-tenant memory, release cycles.
/// </summary>
internal static class TenantsBenchmark
{
    public const int Registered = 10_000;

    /// <summary>Tenants whose database exists before measuring: a cold activation of a set-up tenant is the usual case.</summary>
    public const int SetUp = 1_000;

    public const string AdminPassword = "bench-admin-password";

    public static async Task<Report> RunAsync(bool keepData)
    {
        using var workspace = BenchWorkspace.Open("Tenants", "cms-bench-", keepData);
        var (layout, scratch, report) = (workspace.Layout, workspace.Path, workspace.Report);
        var dataPath = Path.Combine(scratch, "data");
        // Started just before the bench's first SQLite connection, which also starts SQLite's pool pruner.
        var sinceFirstConnection = Stopwatch.StartNew();
        try
        {
            // Room for every tenant: the in-process figures must not be bent by the least-recently-used limit.
            await using var services = await BenchServices.CreateAsync(dataPath, AdminPassword, maxActive: Registered * 2);
            _ = await services.Get<FirstRunSetup>().RunAsync(CancellationToken.None)
                ?? throw new InvalidOperationException("The fresh data folder was already set up.");

            Progress.Say("Host start with the Default tenant only (baseline)");
            await HostMeasurements.BaselineStartsAsync(layout, dataPath, report);

            Progress.Say($"Registering {Registered:N0} tenants");
            var clock = Stopwatch.StartNew();
            await RegistrySeeder.InsertRunningAsync(services.Database, Registered, CancellationToken.None);
            report.Fact(Report.Invariant($"Insert {Registered:N0} registry rows (one transaction, bench setup)"), Report.Ms(clock.Elapsed.TotalMilliseconds));

            var registry = await RegistryMeasurements.RegistryMemoryAsync(services.Get<TenantStore>(), report);
            var table = registry.Table;
            RegistryMeasurements.Resolution(table, report);

            Progress.Say($"Setting up the databases of {SetUp:N0} tenants");
            var setUp = Enumerable.Range(1, SetUp).Select(n => table.FindByName(RegistrySeeder.TenantName(n))!).ToArray();
            clock.Restart();
            await RegistrySeeder.SetUpDatabasesAsync(services.Get<TenantSetup>(), setUp, CancellationToken.None);
            report.Fact(Report.Invariant($"Set up {SetUp:N0} tenant databases (migrate + site settings, bench setup)"), Report.Invariant($"{clock.Elapsed.TotalSeconds:0.0} s"));

            // The setup's pooled connections would otherwise make the in-process activations warm.
            SqliteConnection.ClearAllPools();
            var runtimes = services.Get<TenantRuntimeCache>();
            await RuntimeMeasurements.ActiveTenantMemoryAsync(runtimes, table, setUp, report);
            await ReleaseCycles.ImmediateAsync(runtimes, setUp, report);

            // The host runs while SQLite's pool pruner, which the settled growth figure waits for, is not yet due.
            Progress.Say($"Host start with {Registered:N0} tenants registered");
            using (var host = await HostMeasurements.RegisteredStartsAsync(layout, dataPath, report))
            {
                await HostMeasurements.ActivationsAsync(host, report);
            }

            await HostMeasurements.ReadyToRunStartsAsync(layout, dataPath, Path.Combine(scratch, "publish"), report);
            await ReleaseCycles.SettledAsync(runtimes, setUp, sinceFirstConnection.Elapsed, report);
            GC.KeepAlive(registry);
            return report;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }
}
