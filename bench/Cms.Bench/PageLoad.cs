using System.Diagnostics;

namespace Cms.Bench;

/// <summary>
/// wrk runs against the servers in turn, one at a time: a warm-up each, then rounds that go through every server
/// once, so a slow patch of the machine falls on all of them alike rather than on one.
/// </summary>
internal static class PageLoad
{
    public const int Threads = 2;
    public const int Connections = 16;
    public const int Rounds = 3;

    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    /// <summary>Lets the JIT compile the hot path in its final tier and fills the output cache; nothing is kept.</summary>
    public static async Task WarmUpAsync(IEnumerable<LoadTarget> targets)
    {
        foreach (var target in targets)
        {
            Progress.Say($"Warm-up: {target.Name}, {WarmUp.TotalSeconds:0} s");
            await Wrk.RunAsync(target.Url, Threads, Connections, WarmUp);
        }
    }

    public static async Task<List<LoadRun>> RoundsAsync(IReadOnlyList<LoadTarget> targets)
    {
        var runs = new List<LoadRun>();
        for (var round = 1; round <= Rounds; round++)
        {
            foreach (var target in targets)
            {
                Progress.Say($"Round {round} of {Rounds}: {target.Name}, {Duration.TotalSeconds:0} s");
                var run = await MeasureAsync(target, round);
                Progress.Say(Report.Invariant($"  {run.Wrk.RequestsPerSecond:N0} req/s, p50 {run.Wrk.P50:0.00} ms, p99 {run.Wrk.P99:0.00} ms"));
                runs.Add(run);
            }
        }

        return runs;
    }

    private static async Task<LoadRun> MeasureAsync(LoadTarget target, int round)
    {
        var serverBefore = target.Cpu();
        var wrkBefore = CpuTime.ExitedChildren();
        var machineBefore = CpuTime.MachineBusy();
        var clock = Stopwatch.StartNew();
        var wrk = await Wrk.RunAsync(target.Url, Threads, Connections, Duration);
        var elapsed = clock.Elapsed;
        var machine = CpuTime.MachineBusy() - machineBefore;
        return new LoadRun(target, round, wrk, elapsed, target.Cpu() - serverBefore, CpuTime.ExitedChildren() - wrkBefore, machine);
    }
}
