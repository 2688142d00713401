namespace Cms.Bench;

/// <summary>
/// One measured wrk run against a target, with the CPU time that the server, wrk and the whole machine used
/// meanwhile. On a machine that client and server share, CPU per request says what throughput cannot, and
/// "others" (busy time that was neither the server's nor wrk's) says how quiet the machine was.
/// </summary>
internal sealed record LoadRun(LoadTarget Target, int Round, WrkRun Wrk, TimeSpan Elapsed, TimeSpan ServerCpu, TimeSpan WrkCpu, TimeSpan MachineBusy)
{
    public double ServerCores => ServerCpu / Elapsed;

    public double WrkCores => WrkCpu / Elapsed;

    /// <summary>
    /// Includes the kernel's network time over loopback that Linux charges to no process (softirq), so it is a few
    /// hundredths of a core above 0 under load even on a quiet machine.
    /// </summary>
    public double OtherCores => (MachineBusy - ServerCpu - WrkCpu) / Elapsed;

    public double ServerMicrosecondsPerRequest => ServerCpu.TotalMicroseconds / Wrk.Requests;
}
