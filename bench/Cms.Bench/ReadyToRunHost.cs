using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Cms.Bench;

/// <summary>
/// The same host published with ReadyToRun (compiled ahead of time) into a temporary folder, to show how
/// much of start-up is the JIT. Builds under that folder only, never in the repository's bin or obj.
/// </summary>
internal static class ReadyToRunHost
{
    /// <summary>The published host, or null when publishing failed (no NuGet access for the compiler package, say).</summary>
    public static async Task<HostLayout?> PublishAsync(HostLayout layout, string folder)
    {
        var output = Path.Combine(folder, "app");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = layout.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "publish", Path.Combine("src", "Cms.Web", "Cms.Web.csproj"), "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier,
            "--self-contained", "false", "-p:PublishReadyToRun=true", "--artifacts-path", Path.Combine(folder, "artifacts"), "-o", output,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var publish = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
        {
            Progress.Say($"ReadyToRun publish failed; skipping it.{Environment.NewLine}{await stdout}{await stderr}");
            return null;
        }

        return layout with { WebAssembly = Path.Combine(output, "Cms.Web.dll") };
    }
}
