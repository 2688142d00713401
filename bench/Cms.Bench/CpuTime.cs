using System.Globalization;
using System.Runtime.InteropServices;

namespace Cms.Bench;

/// <summary>
/// CPU time as Linux counts it: of one process (/proc/PID/stat), of the bench's exited children (getrusage), and of
/// every process on the machine together (/proc/stat), so a run can say how much of the machine other programs took.
/// </summary>
internal static class CpuTime
{
    private const int ClockTicksName = 2; // _SC_CLK_TCK
    private const int ResourceUsageChildren = -1; // RUSAGE_CHILDREN

    private static readonly double s_secondsPerTick = 1.0 / Sysconf(ClockTicksName);

    // Of /proc/stat's "cpu user nice system idle iowait irq softirq steal": all but idle and iowait.
    private static readonly int[] s_busyFields = [1, 2, 3, 6, 7, 8];

    /// <summary>User and system time of a process so far; null once it has exited.</summary>
    public static TimeSpan? OfProcess(int processId)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (IOException)
        {
            return null;
        }

        // The command name (field 2) is in parentheses and may hold spaces; utime and stime are fields 14 and 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return Ticks(long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
    }

    /// <summary>Busy time of all cores together since boot: everything but idle and I/O wait.</summary>
    public static TimeSpan MachineBusy()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var busy = s_busyFields.Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
        return Ticks(busy);
    }

    /// <summary>
    /// User and system time of the bench's child processes that have exited and been waited for (getrusage
    /// RUSAGE_CHILDREN): the difference across a run of a short-lived tool is that tool's CPU time.
    /// </summary>
    public static TimeSpan ExitedChildren()
    {
        // struct rusage on 64-bit Linux: ru_utime and ru_stime (seconds, microseconds each), then 14 longs.
        var usage = new long[18];
        if (GetResourceUsage(ResourceUsageChildren, usage) != 0)
        {
            throw new InvalidOperationException($"getrusage failed with error {Marshal.GetLastPInvokeError()}.");
        }

        return TimeSpan.FromSeconds(usage[0] + usage[2]) + TimeSpan.FromMicroseconds(usage[1] + usage[3]);
    }

    private static TimeSpan Ticks(long ticks) => TimeSpan.FromSeconds(ticks * s_secondsPerTick);

    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static extern int GetResourceUsage(int who, [Out] long[] usage);

    [DllImport("libc", EntryPoint = "sysconf")]
    private static extern long Sysconf(int name);
}
