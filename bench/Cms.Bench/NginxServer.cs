using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Cms.Bench;

/// <summary>
/// nginx (Debian's nginx-light, installed if missing) serving one folder as static files: the honest ceiling for the
/// same HTML, as a site would be served without a CMS. Two workers, access log off, its configuration, pid and error
/// log in a folder of the bench's; started in the foreground as the bench's child and stopped with it.
/// </summary>
internal sealed class NginxServer : IDisposable
{
    private const int SigQuit = 3;

    private readonly Process _master;

    private NginxServer(Process master, Uri baseAddress, string version)
    {
        _master = master;
        BaseAddress = baseAddress;
        Version = version;
    }

    /// <summary>Where it listens, with a trailing slash: <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>As <c>nginx -v</c> prints it: "nginx/1.22.1".</summary>
    public string Version { get; }

    /// <summary>User and system time of the master and its workers so far.</summary>
    public TimeSpan Cpu => Processes().Aggregate(TimeSpan.Zero, (sum, id) => sum + (CpuTime.OfProcess(id) ?? TimeSpan.Zero));

    /// <summary>Null while it runs; once the master has stopped, its exit code.</summary>
    public string? ExitReport => _master.HasExited ? $"exited with code {_master.ExitCode}" : null;

    public static async Task<NginxServer> StartAsync(string folder, string workFolder, string page)
    {
        await DebianPackage.EnsureInstalledAsync("nginx", "nginx-light");
        var version = (await DebianPackage.RunAsync("nginx", "-v")).Output.Trim().Replace("nginx version: ", "", StringComparison.Ordinal);
        Directory.CreateDirectory(workFolder);
        var port = FreePort();
        var config = Path.Combine(workFolder, "nginx.conf");
        var errorLog = Path.Combine(workFolder, "error.log");
        await File.WriteAllTextAsync(config, Config(folder, workFolder, errorLog, port));
        var start = new ProcessStartInfo(DebianPackage.Find("nginx")!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // -e: the error log before the configuration is read (else /var/log/nginx/error.log).
        foreach (var argument in new[] { "-p", workFolder, "-c", config, "-e", errorLog })
        {
            start.ArgumentList.Add(argument);
        }

        var master = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        var server = new NginxServer(master, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"), version);
        try
        {
            await server.WaitForPageAsync(page, errorLog);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Graceful stop (SIGQUIT: workers finish their requests), then waits for the master.</summary>
    public void Dispose()
    {
        if (!_master.HasExited && (Kill(_master.Id, SigQuit) != 0 || !_master.WaitForExit(TimeSpan.FromSeconds(10))))
        {
            _master.Kill(entireProcessTree: true);
        }

        _master.WaitForExit();
        _master.Dispose();
    }

    // In the foreground (daemon off), so the master is the bench's child; "user root" lets the workers read the
    // bench's temporary folder (mode 700) when the bench runs as root, as it must to install packages.
    private static string Config(string folder, string workFolder, string errorLog, int port) => Report.Invariant($$"""
        daemon off;
        worker_processes 2;
        {{(Environment.UserName == "root" ? "user root;" : "")}}
        pid {{Path.Combine(workFolder, "nginx.pid")}};
        error_log {{errorLog}} warn;
        events { worker_connections 1024; }
        http {
            access_log off;
            sendfile on;
            tcp_nopush on;
            keepalive_requests 1000000;
            open_file_cache max=64;
            default_type text/html;
            client_body_temp_path {{Path.Combine(workFolder, "body")}};
            proxy_temp_path {{Path.Combine(workFolder, "proxy")}};
            fastcgi_temp_path {{Path.Combine(workFolder, "fastcgi")}};
            server {
                listen 127.0.0.1:{{port}};
                root {{folder}};
            }
        }
        """);

    private async Task WaitForPageAsync(string page, string errorLog)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (_master.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with code {_master.ExitCode}:{Environment.NewLine}{await _master.StandardError.ReadToEndAsync()}{(File.Exists(errorLog) ? await File.ReadAllTextAsync(errorLog) : "")}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(BaseAddress, page));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        throw new TimeoutException($"nginx served no {page} within 30 s.");
    }

    // The master and the workers it forked (Linux lists a thread's children in /proc/PID/task/TID/children).
    private IEnumerable<int> Processes()
    {
        var children = $"/proc/{_master.Id.ToString(CultureInfo.InvariantCulture)}/task/{_master.Id.ToString(CultureInfo.InvariantCulture)}/children";
        var workers = File.Exists(children) ? File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, CultureInfo.InvariantCulture)) : [];
        return workers.Prepend(_master.Id);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int processId, int signal);
}
