using System.Diagnostics;

namespace Cms.Bench;

/// <summary>
/// The tools the bench drives (wrk, nginx) as Debian packages, installed with apt-get when their command is not on
/// the PATH (needs root), and a child process run to its end with what it printed.
/// </summary>
internal static class DebianPackage
{
    /// <summary>Installs <paramref name="package"/> unless <paramref name="command"/> is already on the PATH.</summary>
    public static async Task EnsureInstalledAsync(string command, string package)
    {
        if (OnPath(command))
        {
            return;
        }

        Progress.Say($"{command} is not on the PATH; installing {package} with apt-get (needs root)");
        if ((await RunAsync("apt-get", "install", "-y", package)).ExitCode == 0 && OnPath(command))
        {
            return;
        }

        // A fresh container has no package lists yet.
        await RunAsync("apt-get", "update");
        var install = await RunAsync("apt-get", "install", "-y", package);
        if (install.ExitCode != 0 || !OnPath(command))
        {
            throw new InvalidOperationException($"Could not install {command} with 'apt-get install -y {package}':{Environment.NewLine}{install.Output}");
        }
    }

    /// <summary>Where the command is on the PATH; null when it is not.</summary>
    public static string? Find(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(folder => Path.Combine(folder, command)).FirstOrDefault(File.Exists);

    public static async Task<(int ExitCode, string Output)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static bool OnPath(string command) => Find(command) is not null;
}
