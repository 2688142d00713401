using System.Globalization;

namespace Cms.Bench;

/// <summary>What is measured on the real host in a child process: start-up and first requests over HTTP.</summary>
internal static class HostMeasurements
{
    private const int Starts = 5;

    /// <summary>Tenants without a database, whose first request creates and migrates it.</summary>
    private const int FirstEver = 100;

    public static async Task BaselineStartsAsync(HostLayout layout, string dataPath, Report report)
    {
        var (host, times) = await StartsAsync(layout, dataPath, 3);
        report.Fact("Process start to first page, Default tenant only", Summary(times));
        report.Fact("Host RSS right after first page, Default tenant only", Report.Bytes(host.ResidentBytes));
        host.Dispose();
    }

    /// <summary>Starts the host with every tenant registered; the last start is left running for the caller.</summary>
    public static async Task<HostProcess> RegisteredStartsAsync(HostLayout layout, string dataPath, Report report)
    {
        var (host, times) = await StartsAsync(layout, dataPath, Starts);
        report.Target(Report.Invariant($"Process start to first page, {TenantsBenchmark.Registered:N0} tenants registered (verdict on the slowest)"), Summary(times), "≤ 1,000 ms", times.Max() <= 1000);
        report.Fact(Report.Invariant($"Host RSS right after first page, {TenantsBenchmark.Registered:N0} registered"), Report.Bytes(host.ResidentBytes));
        return host;
    }

    public static async Task ReadyToRunStartsAsync(HostLayout layout, string dataPath, string scratch, Report report)
    {
        Progress.Say("Publishing the host with ReadyToRun");
        var published = await ReadyToRunHost.PublishAsync(layout, scratch);
        if (published is null)
        {
            report.Fact("Process start to first page, ReadyToRun publish", "n/a (publish failed)");
            return;
        }

        var (host, times) = await StartsAsync(published, dataPath, Starts);
        host.Dispose();
        report.Fact(Report.Invariant($"Process start to first page, {TenantsBenchmark.Registered:N0} registered, host published with ReadyToRun"), Summary(times));
    }

    /// <summary>Cold, warm and first-ever requests to prefixed tenants, one at a time.</summary>
    public static async Task ActivationsAsync(HostProcess host, Report report)
    {
        var setUp = Enumerable.Range(1, TenantsBenchmark.SetUp).Select(RegistrySeeder.TenantName).ToArray();
        var rssBefore = host.ResidentBytes;

        Progress.Say($"Cold requests to {setUp.Length:N0} set-up tenants over HTTP");
        var cold = new List<double>(setUp.Length);
        foreach (var name in setUp)
        {
            cold.Add(await host.TimeGetAsync(name + "/"));
        }

        var rssActive = host.ResidentBytes;
        var warm = new List<double>(setUp.Length);
        foreach (var name in setUp)
        {
            warm.Add(await host.TimeGetAsync(name + "/"));
        }

        Progress.Say($"First-ever requests to {FirstEver} tenants without a database");
        var firstEver = new List<double>(FirstEver);
        foreach (var name in Enumerable.Range(TenantsBenchmark.SetUp + 1, FirstEver).Select(RegistrySeeder.TenantName))
        {
            firstEver.Add(await host.TimeGetAsync(name + "/"));
        }

        // The console logger writes from a queue of its own; give it a moment to catch up.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var logged = host.LoggedActivations();
        var coldLatency = Distribution.Of(cold);

        report.Target(Report.Invariant($"Cold activation p50 (HTTP first request, database exists, {TenantsBenchmark.Registered:N0} registered)"), Report.Ms(coldLatency.P50), "≤ 30 ms", coldLatency.P50 <= 30);
        report.Target("Cold activation p99 (same requests)", Report.Ms(coldLatency.P99), "≤ 150 ms", coldLatency.P99 <= 150);
        report.Latency("Cold: first request to a set-up tenant (HTTP, whole response)", coldLatency);
        report.Latency("Cold: activation time the host logged for those requests", Distribution.Of(setUp.Where(logged.ContainsKey).Select(n => logged[n])));
        report.Latency("Warm: second request to each of those tenants (HTTP)", Distribution.Of(warm));
        report.Latency("First-ever: request that creates and migrates the database (HTTP)", Distribution.Of(firstEver));
        report.Fact(
            Report.Invariant($"Host RSS growth over {setUp.Length:N0} cold activations (no forced GC, so an upper bound)"),
            Report.Invariant($"{Report.Bytes(rssActive - rssBefore)} ({Report.Bytes((rssActive - rssBefore) / (double)setUp.Length)} per tenant)"));
    }

    /// <summary>Starts the host several times, each after the previous one is stopped; the last one keeps running.</summary>
    private static async Task<(HostProcess Host, List<double> Times)> StartsAsync(HostLayout layout, string dataPath, int starts)
    {
        var times = new List<double>();
        HostProcess? host = null;
        for (var i = 0; i < starts; i++)
        {
            host?.Dispose();
            (host, var elapsed) = await HostProcess.StartAsync(layout, dataPath, TenantsBenchmark.AdminPassword);
            times.Add(elapsed.TotalMilliseconds);
        }

        return (host!, times);
    }

    private static string Summary(List<double> times) => Report.Invariant(
        $"{Distribution.Of(times).P50:0} ms median, {times.Max():0} ms slowest of {times.Count} ({string.Join(", ", times.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))})");
}
