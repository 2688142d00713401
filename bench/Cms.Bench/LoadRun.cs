namespace Cms.Bench;

/// <summary>
/// One measured wrk run against a target, with the CPU time that the server, wrk, the kernel's software interrupts
/// (loopback networking, mostly) and the whole machine used meanwhile. On a machine that client and server share,
/// CPU per request says what throughput cannot, and "others" (busy time that was none of those) says how quiet the
/// machine was.
/// </summary>
internal sealed record LoadRun(
    LoadTarget Target, int Round, WrkRun Wrk, TimeSpan Elapsed, TimeSpan ServerCpu, TimeSpan WrkCpu, TimeSpan SoftInterrupts, TimeSpan MachineBusy)
{
    public double ServerCores => ServerCpu / Elapsed;

    public double WrkCores => WrkCpu / Elapsed;

    public double SoftInterruptCores => SoftInterrupts / Elapsed;

    public double OtherCores => (MachineBusy - ServerCpu - WrkCpu - SoftInterrupts) / Elapsed;

    public double ServerMicrosecondsPerRequest => ServerCpu.TotalMicroseconds / Wrk.Requests;
}
