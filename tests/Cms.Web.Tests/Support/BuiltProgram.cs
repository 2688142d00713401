using System.Diagnostics;
using System.Text;

namespace Cms.Web.Tests.Support;

/// <summary>
/// The built program (Cms.Web.dll) run as an operator runs it, over a data folder of its own (on the PostgreSQL run, a
/// database of its own): to see what it prints and what it leaves behind.
/// </summary>
internal sealed class BuiltProgram : IDisposable
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(60);

    public string Folder { get; } = Directory.CreateTempSubdirectory("cms-program").FullName;

    public string DataPath => Path.Combine(Folder, "data");

    /// <summary>Runs the program to its end; fails the test when it is still running after a minute (it started the host).</summary>
    public async Task<(int Code, string Output, string Error)> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Start(args, environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(s_patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The program was still running after {s_patience.TotalSeconds} s: it started the web host. {await output}");
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>Starts the program and reads its output until <paramref name="until"/> is printed, plus a moment; then stops it.</summary>
    public async Task<string> OutputUntilAsync(IEnumerable<string> args, string until, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Start(args, environment);
        var output = new StringBuilder();
        var seen = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
                if (e.Data?.Contains(until, StringComparison.Ordinal) == true)
                {
                    seen.TrySetResult();
                }
            }
        };
        process.BeginOutputReadLine();
        try
        {
            await seen.Task.WaitAsync(s_patience);

            // Whatever the start-up prints just after (the lines that used to race the banner).
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"'{until}' was not printed within {s_patience.TotalSeconds} s: {output}{await process.StandardError.ReadToEndAsync()}");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        lock (output)
        {
            return output.ToString();
        }
    }

    public void Dispose()
    {
        if (PostgresRun.IsOn)
        {
            PostgresRun.Drop(Folder);
        }

        Directory.Delete(Folder, recursive: true);
    }

    private Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Cms.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Cms__DataPath"] = DataPath;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        if (PostgresRun.IsOn)
        {
            start.Environment["Cms__Database__Provider"] = "Postgres";
            start.Environment["Cms__Database__ConnectionString"] = PostgresRun.DatabaseFor(Folder);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return Process.Start(start)!;
    }
}
