using Cms.Admin.History;

namespace Cms.Web.Tests.Admin;

/// <summary>Issue 14, item 8: a long body's change shows the changed words and a little around them, not the whole body.</summary>
public sealed class TextDiffTests
{
    [Fact]
    public void FarUnchangedLinesAreCountedNotShown()
    {
        var before = string.Join('\n', Enumerable.Range(1, 50).Select(i => $"Paragraph {i} about sleep."));
        var after = before.Replace("Paragraph 25 about sleep.", "Paragraph 25 about rest.", StringComparison.Ordinal);

        var spans = TextDiff.Compare(before, after);

        Assert.Equal([new DiffSpan(DiffKind.Removed, "sleep"), new DiffSpan(DiffKind.Added, "rest")], spans.Where(s => s.Kind is DiffKind.Removed or DiffKind.Added));
        Assert.Equal(["… 22 unchanged lines …\n", "… 23 unchanged lines …"], spans.Where(s => s.Kind == DiffKind.Skipped).Select(s => s.Text));
        var shown = string.Concat(spans.Where(s => s.Kind != DiffKind.Skipped).Select(s => s.Text));
        Assert.Contains("Paragraph 24 about sleep.\nParagraph 25 about ", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Paragraph 1 ", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void AWordChangedInAParagraphOfTwentyThousandWordsIsMarkedAlone()
    {
        var words = Enumerable.Range(0, 20_000).Select(i => i % 7 == 0 ? "quiet" : "room").ToArray();
        var before = "Intro\n\n" + string.Join(' ', words);
        words[10_004] = "calm";
        var after = "Intro\n\n" + string.Join(' ', words);

        var spans = TextDiff.Compare(before, after);

        Assert.Equal([new DiffSpan(DiffKind.Removed, "room"), new DiffSpan(DiffKind.Added, "calm")], spans.Where(s => s.Kind is DiffKind.Removed or DiffKind.Added));
    }

    [Fact]
    public void LineEndingsAloneAreNoChange()
    {
        Assert.Empty(TextDiff.Compare("One\r\n\r\nTwo\rThree", "One\n\nTwo\nThree"));
    }
}
