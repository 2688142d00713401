using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Cms.Bench;

/// <summary>
/// The real web host (<c>dotnet Cms.Web.dll</c>) as a child process on a data folder of the bench's,
/// with its shipped appsettings.json: start-up and first requests are measured as an operator sees them.
/// </summary>
internal sealed partial class HostProcess : IDisposable
{
    private const int SigTerm = 15;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    // Keeps its connection open between requests, as a browser would, so latency is the host's and not TCP set-up.
    private readonly HttpClient _client;

    private HostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        _client = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(1) }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public long ResidentBytes => Memory.ResidentBytes(_process.Id);

    /// <summary>Where the host listens, with a trailing slash: <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseAddress => _client.BaseAddress!;

    /// <summary>The host's user and system time so far; null once it has exited.</summary>
    public TimeSpan? Cpu => CpuTime.OfProcess(_process.Id);

    /// <summary>Null while the host runs; once it has stopped, its exit code and the last lines it printed.</summary>
    public string? ExitReport => _process.HasExited ? $"exited with code {_process.ExitCode}:{Environment.NewLine}{Tail()}" : null;

    /// <summary>Starts the host and waits for the first 200 on GET /; returns it with the time from Process.Start.</summary>
    /// <param name="settings">Environment variables set after the bench's defaults, so they win: <c>Cms__Practice__PageCacheBytes</c>, say.</param>
    public static async Task<(HostProcess Host, TimeSpan ToFirstPage)> StartAsync(
        HostLayout layout, string dataPath, string adminPassword, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = layout.ContentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(layout.WebAssembly);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Cms__DataPath"] = dataPath;
        start.Environment["Cms__Setup__AdminPassword"] = adminPassword;
        start.Environment["Cms__Setup__DemoTenant"] = "";

        // The activation times are logged at Debug.
        start.Environment["Logging__LogLevel__Cms.Tenancy.TenantActivator"] = "Debug";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}/"));

        // Drained all along: a full pipe would block the host's console logger and so the requests.
        process.OutputDataReceived += (_, e) => host.Collect(e.Data);
        process.ErrorDataReceived += (_, e) => host.Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitForPageAsync("", TimeSpan.FromSeconds(60));
            return (host, clock.Elapsed);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>GET a path and the time until the whole body has arrived; anything but 200 is an error.</summary>
    public async Task<double> TimeGetAsync(string path)
    {
        var clock = Stopwatch.StartNew();
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        await response.Content.ReadAsByteArrayAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.{Environment.NewLine}{Tail()}");
        }

        return elapsed;
    }

    /// <summary>The activation times the host logged itself ("Tenant … activated in … ms"), by tenant.</summary>
    public Dictionary<string, double> LoggedActivations()
    {
        var found = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in _output)
        {
            if (ActivatedLine().Match(line) is { Success: true } match)
            {
                found[match.Groups["tenant"].Value] = double.Parse(match.Groups["ms"].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
            }
        }

        return found;
    }

    /// <summary>Stops the host as an operator's restart would (SIGTERM), so it closes its databases cleanly for the next start.</summary>
    public void Dispose()
    {
        _client.Dispose();
        if (!_process.HasExited && (Kill(_process.Id, SigTerm) != 0 || !_process.WaitForExit(TimeSpan.FromSeconds(10))))
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
        _process.Dispose();
    }

    /// <summary>GETs a path until it answers 200 (the host may still be starting); returns that response's body.</summary>
    public async Task<byte[]> WaitForPageAsync(string path, TimeSpan timeout)
    {
        var address = new Uri(BaseAddress, path);
        var lastStatus = "no answer";
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode} before its first page.{Environment.NewLine}{Tail()}");
            }

            try
            {
                // GetAsync has read the whole body by the time it returns, so the time to first page includes it.
                using var response = await _client.GetAsync(address);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return await response.Content.ReadAsByteArrayAsync();
                }

                lastStatus = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(2));
        }

        throw new TimeoutException($"GET /{path} gave no page within {timeout.TotalSeconds:0} s (last: {lastStatus}).{Environment.NewLine}{Tail()}");
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private string Tail() => string.Join(Environment.NewLine, _output.TakeLast(20));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int processId, int signal);

    [GeneratedRegex(@"Tenant (?<tenant>\S+) activated in (?<ms>[0-9]+(?:[.,][0-9]+)?) ms")]
    private static partial Regex ActivatedLine();
}
