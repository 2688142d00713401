using System.Text.RegularExpressions;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.FirstRun;

/// <summary>
/// Issue 14, item 10: the start-up banner (addresses, the generated password) is one block, the last thing the start
/// prints, and no log line of the start races it (the host's "Now listening on" lines said the same and landed around it).
/// </summary>
public sealed partial class StartupBannerTests : IDisposable
{
    private readonly BuiltProgram _program = new();

    [Fact]
    public async Task TheBannerIsOneBlockBelowTheStartUpLogLines()
    {
        var output = await _program.OutputUntilAsync([], "Practice CMS is running.");
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        var first = lines.FindIndex(l => l.Contains("Practice CMS is running.", StringComparison.Ordinal));
        var rest = lines.Skip(first).ToList();
        Assert.DoesNotContain(rest, l => LogLine().IsMatch(l));
        Assert.Contains(rest, l => l.Contains("with the generated password:", StringComparison.Ordinal));
        Assert.Contains(rest, l => l.Contains("Ctrl+C", StringComparison.Ordinal));
        Assert.DoesNotContain("Now listening on", output, StringComparison.Ordinal);

        // Written by the console logger's own thread while the banner is written, it could land in or after it.
        Assert.DoesNotContain("activated in", output, StringComparison.Ordinal);
    }

    public void Dispose() => _program.Dispose();

    [GeneratedRegex(@"^(\d\d:\d\d:\d\d )?(info|warn|fail|crit|dbug|trce):")]
    private static partial Regex LogLine();
}
