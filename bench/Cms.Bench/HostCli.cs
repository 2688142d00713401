using System.Diagnostics;

namespace Cms.Bench;

/// <summary>
/// The real host's operator verbs (<c>dotnet Cms.Web.dll recipes import …</c>) run as child processes on a data
/// folder of the bench's, with the shipped appsettings.json: each run is timed from start to exit; its peak RSS
/// (the kernel's high-water mark) and CPU time are read while it runs, since they are gone once the process is.
/// </summary>
internal sealed class HostCli
{
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(20);

    private readonly HostLayout _layout;
    private readonly string _dataPath;
    private readonly string _adminPassword;

    public HostCli(HostLayout layout, string dataPath, string adminPassword)
    {
        _layout = layout;
        _dataPath = dataPath;
        _adminPassword = adminPassword;
    }

    /// <summary>Runs a verb to its end; a non-zero exit is an error. Null when it ran longer than the timeout and was stopped.</summary>
    public async Task<CliRun?> RunAsync(TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _layout.ContentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(_layout.WebAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Cms__DataPath"] = _dataPath;
        start.Environment["Cms__Setup__AdminPassword"] = _adminPassword;
        start.Environment["Cms__Setup__DemoTenant"] = "";

        var machineBefore = CpuTime.MachineBusy();
        var benchBefore = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        // Read all along: a full pipe would block the verb.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        long peak = 0;
        var cpu = TimeSpan.Zero;
        while (!exited.IsCompleted)
        {
            peak = Math.Max(peak, Memory.PeakResidentBytes(process.Id) ?? 0);
            cpu = CpuTime.OfProcess(process.Id) ?? cpu;
            if (clock.Elapsed > timeout)
            {
                process.Kill(entireProcessTree: true);
                await exited;
                Progress.Say($"Stopped '{string.Join(' ', arguments)}' after {clock.Elapsed.TotalMinutes:0.0} min.");
                return null;
            }

            await Task.WhenAny(exited, Task.Delay(s_poll));
        }

        var elapsed = clock.Elapsed;
        // What the rest of the machine used meanwhile: all busy time less the verb's and the bench's own.
        var others = CpuTime.MachineBusy() - machineBefore - cpu - (Environment.CpuUsage.TotalTime - benchBefore);
        var text = await output + await error;
        return process.ExitCode == 0
            ? new CliRun(elapsed, peak, cpu, others, text.Trim())
            : throw new InvalidOperationException($"'{string.Join(' ', arguments)}' exited with code {process.ExitCode}:{Environment.NewLine}{text}");
    }

    public async Task<CliRun> RunAsync(params string[] arguments) =>
        await RunAsync(TimeSpan.FromHours(1), arguments) ?? throw new TimeoutException($"'{string.Join(' ', arguments)}' ran for an hour.");
}
