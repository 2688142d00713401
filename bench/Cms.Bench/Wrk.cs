using System.Globalization;
using System.Text.RegularExpressions;

namespace Cms.Bench;

/// <summary>
/// The wrk load generator (<c>wrk -tN -cN -dNs --latency URL</c>) as a child process, installed with apt-get when it
/// is not on the PATH. wrk sends no User-Agent header, so the host counts none of its requests as article views.
/// </summary>
internal static partial class Wrk
{
    /// <summary>Installs wrk if needed; returns its version as it prints it ("wrk debian/4.1.0-3+b2 [epoll]").</summary>
    public static async Task<string> EnsureInstalledAsync()
    {
        await DebianPackage.EnsureInstalledAsync("wrk", "wrk");

        // wrk -v prints its version before the usage text, and exits with 1.
        var version = (await DebianPackage.RunAsync("wrk", "-v")).Output;
        return version.Split('\n')[0].Split(" Copyright")[0].Trim();
    }

    /// <summary>One run against a URL; a response other than 2xx or 3xx makes the run worthless, so it is an error.</summary>
    public static async Task<WrkRun> RunAsync(Uri url, int threads, int connections, TimeSpan duration)
    {
        var (exitCode, output) = await DebianPackage.RunAsync(
            "wrk",
            Report.Invariant($"-t{threads}"),
            Report.Invariant($"-c{connections}"),
            Report.Invariant($"-d{duration.TotalSeconds:0}s"),
            "--latency",
            url.ToString());
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"wrk {url} exited with code {exitCode}:{Environment.NewLine}{output}");
        }

        if (NonSuccess().Match(output) is { Success: true } failed)
        {
            throw new InvalidOperationException($"{url} answered {failed.Groups[1].Value} requests with neither 2xx nor 3xx:{Environment.NewLine}{output}");
        }

        return Parse(output);
    }

    private static WrkRun Parse(string output)
    {
        // A line missing from the output makes First throw, or double.Parse of an empty group; both are reported below.
        double Percentile(string p)
        {
            var line = Percentiles().Matches(output).First(m => m.Groups["p"].Value == p);
            return Milliseconds(line.Groups["value"].Value, line.Groups["unit"].Value);
        }

        try
        {
            var max = LatencyStats().Match(output);
            var socket = SocketErrors().Match(output);
            var requests = Requests().Match(output);
            return new WrkRun(
                double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
                long.Parse(requests.Groups["requests"].Value, CultureInfo.InvariantCulture),
                Bytes(requests.Groups["read"].Value, requests.Groups["unit"].Value),
                Percentile("50"),
                Percentile("75"),
                Percentile("90"),
                Percentile("99"),
                Milliseconds(max.Groups["value"].Value, max.Groups["unit"].Value),
                socket.Success ? Enumerable.Range(1, 4).Sum(i => long.Parse(socket.Groups[i].Value, CultureInfo.InvariantCulture)) : 0);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException)
        {
            throw new InvalidOperationException($"Could not read wrk's output:{Environment.NewLine}{output}", ex);
        }
    }

    // wrk prints times as "%.2f" followed by us, ms, s, m or h.
    private static double Milliseconds(string value, string unit) => double.Parse(value, CultureInfo.InvariantCulture) * unit switch
    {
        "us" => 0.001,
        "ms" => 1,
        "s" => 1_000,
        "m" => 60_000,
        "h" => 3_600_000,
        _ => throw new FormatException($"Unknown time unit '{unit}' in wrk's output."),
    };

    // And sizes as "%.2f" followed by B, KB, MB, GB or TB, in powers of 1,024.
    private static double Bytes(string value, string unit) => double.Parse(value, CultureInfo.InvariantCulture) * unit switch
    {
        "B" => 1,
        "KB" => 1L << 10,
        "MB" => 1L << 20,
        "GB" => 1L << 30,
        "TB" => 1L << 40,
        _ => throw new FormatException($"Unknown size unit '{unit}' in wrk's output."),
    };

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    // "244243 requests in 15.00s, 4.50GB read"
    [GeneratedRegex(@"(?<requests>\d+) requests in \S+, (?<read>[0-9.]+)(?<unit>[KMGT]?B) read")]
    private static partial Regex Requests();

    [GeneratedRegex(@"^\s+(?<p>50|75|90|99)%\s+(?<value>[0-9.]+)(?<unit>[a-z]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex Percentiles();

    // "Latency   1.23ms  456.00us  10.00ms  80.00%": average, standard deviation, maximum.
    [GeneratedRegex(@"^\s+Latency\s+\S+\s+\S+\s+(?<value>[0-9.]+)(?<unit>[a-z]+)\s", RegexOptions.Multiline)]
    private static partial Regex LatencyStats();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccess();
}
