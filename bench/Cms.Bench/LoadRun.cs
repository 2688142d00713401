namespace Cms.Bench;

/// <summary>
/// One measured wrk run against a target, with the CPU time the server and the whole machine (wrk, the server, and
/// anything else) used meanwhile: on a machine that client and server share, CPU per request says what throughput cannot.
/// </summary>
internal sealed record LoadRun(LoadTarget Target, int Round, WrkRun Wrk, TimeSpan Elapsed, TimeSpan ServerCpu, TimeSpan MachineBusy)
{
    public double ServerCores => ServerCpu / Elapsed;

    public double MachineCores => MachineBusy / Elapsed;

    public double ServerMicrosecondsPerRequest => ServerCpu.TotalMicroseconds / Wrk.Requests;
}
