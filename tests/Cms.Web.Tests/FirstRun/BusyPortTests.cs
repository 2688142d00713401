using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.FirstRun;

/// <summary>
/// Issue 14, item 10: a port already in use on the first run is one line that says how to choose another, exit code 1,
/// no stack trace, and nothing set up (before, the data folder was set up with a generated password nobody saw).
/// </summary>
public sealed partial class BusyPortTests : IDisposable
{
    private readonly BuiltProgram _program = new();
    private readonly TcpListener _taken = new(IPAddress.Loopback, 0);

    public BusyPortTests()
    {
        _taken.Start();
    }

    private int Port => ((IPEndPoint)_taken.LocalEndpoint).Port;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ABusyPortIsOneLineAndNothingIsSetUp(bool onTheCommandLine)
    {
        var url = $"http://127.0.0.1:{Port}";
        var (code, output, error) = onTheCommandLine
            ? await _program.RunAsync(["--urls", url])
            : await _program.RunAsync([], new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://localhost:{Port}" });

        Assert.True(code == 1, $"exit code {code}; stdout: {output}; stderr: {error}");
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains($"Port {Port} is in use; choose another with --urls http://", line, StringComparison.Ordinal);
        Assert.False(StackFrame().IsMatch(output + error), $"a stack trace was printed: {output}{error}");
        Assert.DoesNotContain("Tenant Default created", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_program.DataPath) && Directory.EnumerateFileSystemEntries(_program.DataPath).Any(), "the data folder was set up");
    }

    public void Dispose()
    {
        _taken.Stop();
        _program.Dispose();
    }

    [GeneratedRegex(@"^\s+at \S+", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
