using Cms.Recipes.Execution;
using Cms.Web.Cli;

namespace Cms.Web.Tests;

/// <summary>Issue 14, item 12: on a terminal the progress is one line rewritten in place, ended when the work is done.</summary>
public sealed class CliProgressOnATerminalTests
{
    [Fact]
    public void RewritesOneLineInPlaceAndEndsItWhenDone()
    {
        using var terminal = new StringWriter();
        var progress = new CliProgress(terminal, terminal: true, TimeSpan.Zero, TimeProvider.System);

        progress.Report(new RecipeProgress(RecipeProgressPhase.Checking, 1000, null));
        progress.Report(new RecipeProgress(RecipeProgressPhase.Applying, 5, 1000));
        progress.Finish();

        var written = terminal.ToString();
        var lines = written.TrimEnd('\n').Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Checking: 1,000 items, ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Applying: 5 of 1,000 items (0%), ", lines[1], StringComparison.Ordinal);
        Assert.True(lines[1].Length >= lines[0].Length, "The shorter line does not cover the longer one before it.");
        Assert.Equal(1, written.Count(c => c == '\n'));
        Assert.EndsWith("\n", written, StringComparison.Ordinal);
    }
}
