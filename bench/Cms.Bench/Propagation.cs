using System.Diagnostics;
using System.Net;

namespace Cms.Bench;

/// <summary>
/// Publishes on node A one after the other, each with a new title, and after each one's acknowledgement reads node B's
/// public page in a tight loop until the title is there: the time a reader on another node waits for a publish.
/// </summary>
internal static class Propagation
{
    public const int Publishes = 100;

    /// <summary>Publishes made and watched before the measured ones, so the first figures are not the JIT's.</summary>
    public const int WarmUps = 5;

    public static readonly TimeSpan ReadEvery = TimeSpan.FromMilliseconds(10);

    /// <summary>Ten times the target: a publish not seen by then is counted as seen at this time, a lower bound.</summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(10);

    /// <param name="publishOnA">Publishes the title on node A; returns the time its request took, in milliseconds.</param>
    public static async Task<List<PropagationSample>> MeasureAsync(string path, Func<string, Task<double>> publishOnA, HttpClient nodeB, string pagePath)
    {
        var samples = new List<PropagationSample>();
        for (var i = 1 - WarmUps; i <= Publishes; i++)
        {
            var title = Report.Invariant($"Published through {path}, number {i}, {Guid.NewGuid().ToString("N")[..8]}");
            var publish = await publishOnA(title);
            var sample = await WaitForAsync(nodeB, pagePath, title, publish);
            if (i > 0)
            {
                samples.Add(sample);
            }

            if (i % 25 == 0)
            {
                Progress.Say(Report.Invariant($"  {path}: {i} of {Publishes} publishes, the last seen on node B after {sample.VisibleMilliseconds:0} ms"));
            }
        }

        return samples;
    }

    private static async Task<PropagationSample> WaitForAsync(HttpClient nodeB, string pagePath, string title, double publishMilliseconds)
    {
        var (reads, failed) = (0, 0);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < GiveUpAfter)
        {
            reads++;
            using var response = await nodeB.GetAsync(pagePath);
            var html = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failed++;
            }
            else if (html.Contains(title, StringComparison.Ordinal))
            {
                return new PropagationSample(publishMilliseconds, clock.Elapsed.TotalMilliseconds, reads, failed, Seen: true);
            }

            await Task.Delay(ReadEvery);
        }

        return new PropagationSample(publishMilliseconds, GiveUpAfter.TotalMilliseconds, reads, failed, Seen: false);
    }
}
