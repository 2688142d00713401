namespace Cms.Bench;

/// <summary>
/// One finished run of a CLI verb: wall time from process start to exit, peak RSS (VmHWM), CPU time (user and
/// system, read at most 20 ms before the end), the CPU time other processes used meanwhile, and what it printed.
/// </summary>
internal sealed record CliRun(TimeSpan Elapsed, long PeakResidentBytes, TimeSpan Cpu, TimeSpan OthersCpu, string Output);
