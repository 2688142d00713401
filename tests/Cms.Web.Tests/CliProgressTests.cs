using System.Text.RegularExpressions;
using Cms.Web.Cli;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests;

/// <summary>Issue 14, item 12: recipes import and export, their output redirected, print plain progress lines at the configured interval.</summary>
public sealed partial class CliProgressTests : IClassFixture<CmsFactory>, IDisposable
{
    private const int Items = 300;

    private readonly CmsFactory _host;
    private readonly string _folder = Directory.CreateTempSubdirectory("cms-cli-progress-").FullName;

    public CliProgressTests(CmsFactory host)
    {
        _host = host;
        _host.Client();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ImportAndExportPrintPlainProgressLinesWhenOutputIsNotATerminal()
    {
        await new PracticeCli(_host).CreatePracticeAsync("larch");
        var recipe = Path.Combine(_folder, "notes.recipe.json");
        await File.WriteAllTextAsync(recipe, NotesRecipe.Json(Items));

        var (code, output, error) = await RunAsync("recipes", "import", "--tenant", "larch", recipe);
        var (exportCode, _, exportError) = await RunAsync("recipes", "export", "--tenant", "larch", "--out", Path.Combine(_folder, "out.recipe.json"));

        Assert.True(code == 0, error);
        Assert.Contains($"{Items} items imported", output, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', error);
        Assert.Contains(error.Split('\n'), l => Checking().IsMatch(l));
        Assert.Contains(error.Split('\n'), l => l.StartsWith($"Applying: {Items} of {Items} items (100%)", StringComparison.Ordinal));
        Assert.Contains(error.Split('\n'), l => Applying().IsMatch(l));
        Assert.True(exportCode == 0, exportError);
        Assert.Contains(exportError.Split('\n'), l => l.StartsWith("Exporting: ", StringComparison.Ordinal) && l.Contains($" of {Items} items", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AQuickImportPrintsNoProgressAtTheDefaultInterval()
    {
        await new PracticeCli(_host).CreatePracticeAsync("alder");
        var recipe = Path.Combine(_folder, "few.recipe.json");
        await File.WriteAllTextAsync(recipe, NotesRecipe.Json(3));

        var (code, _, error) = await RunWithIntervalAsync(null, "recipes", "import", "--tenant", "alder", recipe);

        Assert.Equal(0, code);
        Assert.Equal("", error);
    }

    private Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => RunWithIntervalAsync("00:00:00", args);

    // The interval between lines set to nothing, so every item prints one and a test needs no 100,000 items.
    private async Task<(int Code, string Output, string Error)> RunWithIntervalAsync(string? interval, params string[] args)
    {
        var settings = _host.Settings;
        if (interval is not null)
        {
            settings["Cms:Cli:ProgressInterval"] = interval;
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CmsCli.RunAsync(args, settings, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [GeneratedRegex(@"^Checking: [\d,]+ items, [\d,]+ items/s$")]
    private static partial Regex Checking();

    [GeneratedRegex(@"^Applying: [\d,]+ of [\d,]+ items \(\d+%\), [\d,]+ items/s, about \d+ (s|min \d+ s) left$")]
    private static partial Regex Applying();
}
