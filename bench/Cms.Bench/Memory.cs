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
    public static long ResidentBytes(int? processId = null) =>
        Status(processId?.ToString(CultureInfo.InvariantCulture) ?? "self", "VmRSS")
        ?? throw new InvalidOperationException($"/proc/{processId}/status has no VmRSS.");

    /// <summary>
    /// VmHWM, the most a process has had resident since it started; null once it has exited (the kernel
    /// keeps no figures for a process that is gone), so a caller polls it while the process runs.
    /// </summary>
    public static long? PeakResidentBytes(int processId)
    {
        try
        {
            return Status(processId.ToString(CultureInfo.InvariantCulture), "VmHWM");
        }
        catch (IOException)
        {
            // Exited between two reads.
            return null;
        }
    }

    private static long? Status(string process, string field)
    {
        var prefix = field + ":";
        var line = File.ReadLines($"/proc/{process}/status").FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        var kilobytes = line?[prefix.Length..].Trim().Split(' ')[0];
        return kilobytes is null ? null : long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
    }
}
