using System.Globalization;

namespace Cms.Bench;

/// <summary>Managed heap after full collections, and resident set size as the kernel counts it.</summary>
internal static class Memory
{
    public static long ManagedHeapAfterFullGc()
    {
        // Finalizable objects (SQLite handles among them) survive one collection; run finalizers and collect again.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>VmRSS of a process (this one by default); includes SQLite's native page caches, which the GC cannot see.</summary>
    public static long ResidentBytes(int? processId = null)
    {
        var status = File.ReadAllLines($"/proc/{processId?.ToString(CultureInfo.InvariantCulture) ?? "self"}/status");
        var line = status.First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = line["VmRSS:".Length..].Trim().Split(' ')[0];
        return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
    }
}
