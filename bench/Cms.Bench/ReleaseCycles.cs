using System.Diagnostics;
using System.Globalization;
using Cms.Tenancy;

namespace Cms.Bench;

/// <summary>
/// Activate and release tenants over and over, in-process: whatever a release leaves behind shows up as
/// heap growth. Microsoft.Data.Sqlite holds each cleared pool until its pruner runs (see
/// <see cref="SqlitePoolProbe"/>), so growth is measured twice: right after a round, and across a second
/// round that starts and ends with nothing waiting for the pruner.
/// </summary>
internal static class ReleaseCycles
{
    private const int Cycles = 10_000;
    private const int Checkpoint = 2_500;

    /// <summary>How long the pruner may take to come round again after a round (it runs every 30 s).</summary>
    private static readonly TimeSpan s_pruneWait = TimeSpan.FromSeconds(45);

    public static async Task ImmediateAsync(TenantRuntimeCache cache, IReadOnlyList<TenantSettings> tenants, Report report)
    {
        Progress.Say(Report.Invariant($"{Cycles:N0} activate/release cycles in-process"));
        var rssBefore = Memory.ResidentBytes();
        var poolsBefore = PoolCount();
        var (heaps, times) = await RoundAsync(cache, tenants);
        var growth = heaps[^1] - heaps[0];
        report.Fact(
            Report.Invariant($"Managed heap growth right after {Cycles:N0} activate/release cycles ({tenants.Count:N0} tenants in turn)"),
            Report.Invariant($"{Report.Bytes(growth)} ({growth / (double)Cycles:0} B per cycle); heap every {Checkpoint:N0} cycles: {string.Join(" → ", heaps.Select(h => Report.Bytes(h)))}"));
        report.Fact("Cleared SQLite pools waiting for the library's pruner, before / right after those cycles", $"{poolsBefore} / {PoolCount()}");
        report.Fact("Bench process RSS before / after those cycles", $"{Report.Bytes(rssBefore)} / {Report.Bytes(Memory.ResidentBytes())}");
        report.Latency("Activate + release cycle, in-process", Distribution.Of(times));
    }

    /// <summary>A second round between two runs of the pruner: the growth that stays.</summary>
    public static async Task SettledAsync(TenantRuntimeCache cache, IReadOnlyList<TenantSettings> tenants, TimeSpan sinceFirstConnection, Report report)
    {
        // The pruner's clock starts at the library's first use, a moment after the bench's clock.
        var wait = SqlitePoolProbe.FirstPrune + TimeSpan.FromSeconds(5) - sinceFirstConnection;
        if (wait > TimeSpan.Zero)
        {
            Progress.Say(Report.Invariant($"Waiting {wait.TotalSeconds:0} s for SQLite's pool pruner"));
            await Task.Delay(wait);
        }

        await PrunedAsync();
        Progress.Say(Report.Invariant($"{Cycles:N0} more cycles, then waiting for the pruner again"));
        var (heaps, _) = await RoundAsync(cache, tenants);
        var pruned = await PrunedAsync();
        var growth = Memory.ManagedHeapAfterFullGc() - heaps[0];
        var perCycle = growth / (double)Cycles;
        report.Target(
            Report.Invariant($"Managed heap growth over {Cycles:N0} activate/release cycles, measured with no cleared SQLite pool waiting"),
            Report.Invariant($"{Report.Bytes(growth)} ({perCycle:0.0} B per cycle)"),
            "~0 (met below 10 B per cycle)",
            pruned && perCycle < 10);
    }

    private static async Task<(List<long> Heaps, List<double> Times)> RoundAsync(TenantRuntimeCache cache, IReadOnlyList<TenantSettings> tenants)
    {
        var heaps = new List<long> { Memory.ManagedHeapAfterFullGc() };
        var times = new List<double>(Cycles);
        for (var i = 0; i < Cycles; i++)
        {
            var tenant = tenants[i % tenants.Count];
            var clock = Stopwatch.StartNew();
            await cache.GetAsync(tenant, CancellationToken.None);
            cache.Release(tenant.Name);
            times.Add(clock.Elapsed.TotalMilliseconds);
            if ((i + 1) % Checkpoint == 0)
            {
                heaps.Add(Memory.ManagedHeapAfterFullGc());
            }
        }

        return cache.ActiveCount == 0 ? (heaps, times) : throw new InvalidOperationException($"{cache.ActiveCount} tenants are still active after the cycles.");
    }

    /// <summary>Waits until the pruner has emptied its list; false when it did not in time or cannot be seen.</summary>
    private static async Task<bool> PrunedAsync()
    {
        var clock = Stopwatch.StartNew();
        while (SqlitePoolProbe.PoolsAwaitingRelease() is var pools && pools is not 0)
        {
            if (pools is null || clock.Elapsed > s_pruneWait)
            {
                Progress.Say($"The SQLite pruner has not emptied its list ({PoolCount()} pools waiting); the settled figure is not clean.");
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        return true;
    }

    private static string PoolCount() =>
        SqlitePoolProbe.PoolsAwaitingRelease()?.ToString("N0", CultureInfo.InvariantCulture) ?? "n/a";
}
