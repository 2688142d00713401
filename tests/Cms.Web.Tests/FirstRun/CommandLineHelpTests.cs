using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.FirstRun;

/// <summary>
/// Issue 14, item 10: the program prints help, for itself and every verb, and refuses a word it does not know, instead
/// of starting the web host; only no argument or ASP.NET Core's own options start the host.
/// </summary>
public sealed class CommandLineHelpTests : IDisposable
{
    private readonly BuiltProgram _program = new();

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    public async Task HelpIsPrintedAndNothingStarts(string help)
    {
        var (code, output, _) = await _program.RunAsync([help]);

        Assert.Equal(0, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("tenants", output, StringComparison.Ordinal);
        Assert.Contains("recipes", output, StringComparison.Ordinal);
        Assert.Contains("--urls", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_program.DataPath), "the help set up a data folder");
    }

    [Theory]
    [InlineData("tenants")]
    [InlineData("recipes")]
    [InlineData("tenants list")]
    [InlineData("tenants create")]
    [InlineData("tenants move")]
    [InlineData("tenants disable")]
    [InlineData("tenants enable")]
    [InlineData("tenants remove")]
    [InlineData("recipes validate")]
    [InlineData("recipes import")]
    [InlineData("recipes export")]
    public async Task EveryVerbPrintsItsHelp(string verb)
    {
        var (code, output, _) = await _program.RunAsync([.. verb.Split(' '), "--help"]);

        Assert.Equal(0, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains(verb, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("tenant")]
    [InlineData("serve")]
    public async Task AnUnknownVerbIsRefusedWithANonZeroExitCode(string verb)
    {
        var (code, _, error) = await _program.RunAsync([verb]);

        Assert.NotEqual(0, code);
        Assert.Contains($"Unrecognized command or argument '{verb}'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Required command was not provided", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_program.DataPath), "the refused command set up a data folder");
    }

    [Fact]
    public async Task AspNetCoresOwnOptionsStillStartTheHost()
    {
        var output = await _program.OutputUntilAsync(["--urls", "http://127.0.0.1:0", "--environment", "Production", "--Cms:Setup:DemoTenant=oak"], "Practice CMS is running.");

        Assert.Contains("Practice 'oak'", output, StringComparison.Ordinal);
    }

    public void Dispose() => _program.Dispose();
}
