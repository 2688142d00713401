using DiffPlex;
using DiffPlex.Chunkers;

namespace Cms.Admin.History;

/// <summary>
/// Two texts compared as a reader wants them: a short one-line value whole, before and after; a longer text line by
/// line (DiffPlex, Myers), with the changed words marked inside changed lines and long unchanged stretches left out.
/// Line endings are made "\n" first, so a browser's "\r\n" neither shows nor counts as a change.
/// </summary>
public static class TextDiff
{
    /// <summary>Up to this many characters, a value on one line is shown whole before and after.</summary>
    public const int ShortValue = 200;

    /// <summary>Unchanged lines shown on each side of a change; longer unchanged stretches are left out.</summary>
    public const int ContextLines = 2;

    /// <summary>Beyond this many lines on a side, the texts are shown whole (Myers' cost grows with lines times changes).</summary>
    public const int MaxLines = 20_000;

    /// <summary>Beyond this many words and separators in the changed middle of a block, its lines are shown whole, unmarked.</summary>
    public const int MaxMarkedWords = 5_000;

    private static readonly DelimiterChunker s_words = new([' ', '\t', '\n', '.', ',', ';', ':', '!', '?', '(', ')', '"', '*', '_', '#', '[', ']']);

    public static IReadOnlyList<DiffSpan> Compare(string before, string after)
    {
        before = Normalised(before);
        after = Normalised(after);
        var spans = new DiffSpanBuilder();
        if (before == after)
        {
            return [];
        }

        if ((IsShort(before) && IsShort(after)) || LineCount(before) > MaxLines || LineCount(after) > MaxLines)
        {
            spans.Add(DiffKind.Removed, before);
            spans.Add(DiffKind.Same, before.Length > 0 && after.Length > 0 ? "\n" : "");
            spans.Add(DiffKind.Added, after);
            return spans.ToList();
        }

        var lines = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, LineChunker.Instance);
        var old = lines.PiecesOld;
        var next = 0;
        var leading = true;
        foreach (var block in lines.DiffBlocks)
        {
            Unchanged(spans, old, next, block.DeleteStartA, leading, trailing: false);
            Changed(spans, Lines(old, block.DeleteStartA, block.DeleteCountA), Lines(lines.PiecesNew, block.InsertStartB, block.InsertCountB));
            next = block.DeleteStartA + block.DeleteCountA;
            leading = false;
        }

        Unchanged(spans, old, next, old.Count, leading, trailing: true);
        return spans.ToList();
    }

    // Lines from..to-1 are the same in both; near a change they are shown, farther ones are counted.
    private static void Unchanged(DiffSpanBuilder spans, IReadOnlyList<string> lines, int from, int to, bool leading, bool trailing)
    {
        var head = leading ? 0 : ContextLines;
        var tail = trailing ? 0 : ContextLines;
        if (to - from <= head + tail + 1)
        {
            spans.Add(DiffKind.Same, lines, from, to - from, lineEnds: true);
            return;
        }

        spans.Add(DiffKind.Same, lines, from, head, lineEnds: true);
        var left = to - from - head - tail;
        spans.Add(DiffKind.Skipped, left == 1 ? "… 1 unchanged line …\n" : $"… {left:N0} unchanged lines …\n");
        spans.Add(DiffKind.Same, lines, to - tail, tail, lineEnds: true);
    }

    // A block of changed lines: the words changed are marked when both sides have some, after setting aside the words
    // both start and end with; lines that share little are shown whole rather than as confetti of common words.
    private static void Changed(DiffSpanBuilder spans, string removed, string added)
    {
        if (removed.Length == 0 || added.Length == 0)
        {
            spans.Add(DiffKind.Removed, removed);
            spans.Add(DiffKind.Added, added);
            return;
        }

        var a = s_words.Chunk(removed);
        var b = s_words.Chunk(added);
        var start = 0;
        while (start < a.Count && start < b.Count && a[start] == b[start])
        {
            start++;
        }

        var end = 0;
        while (end < a.Count - start && end < b.Count - start && a[a.Count - 1 - end] == b[b.Count - 1 - end])
        {
            end++;
        }

        spans.Add(DiffKind.Same, a, 0, start, lineEnds: false);
        var middleA = string.Concat(a.Skip(start).Take(a.Count - start - end));
        var middleB = string.Concat(b.Skip(start).Take(b.Count - start - end));
        var words = a.Count - start - end > MaxMarkedWords || b.Count - start - end > MaxMarkedWords
            ? null
            : Differ.Instance.CreateDiffs(middleA, middleB, ignoreWhiteSpace: false, ignoreCase: false, s_words);
        if (words is null || !SharesMost(words))
        {
            spans.Add(DiffKind.Removed, middleA);
            spans.Add(DiffKind.Added, middleB);
        }
        else
        {
            var next = 0;
            foreach (var block in words.DiffBlocks)
            {
                spans.Add(DiffKind.Same, words.PiecesOld, next, block.DeleteStartA - next, lineEnds: false);
                spans.Add(DiffKind.Removed, words.PiecesOld, block.DeleteStartA, block.DeleteCountA, lineEnds: false);
                spans.Add(DiffKind.Added, words.PiecesNew, block.InsertStartB, block.InsertCountB, lineEnds: false);
                next = block.DeleteStartA + block.DeleteCountA;
            }

            spans.Add(DiffKind.Same, words.PiecesOld, next, words.PiecesOld.Count - next, lineEnds: false);
        }

        spans.Add(DiffKind.Same, a, a.Count - end, end, lineEnds: false);
    }

    // Whether the words the two sides keep (not the spaces between them) make at least half of the shorter side.
    private static bool SharesMost(DiffPlex.Model.DiffResult words)
    {
        var removed = words.DiffBlocks.Sum(b => Letters(words.PiecesOld, b.DeleteStartA, b.DeleteCountA));
        var added = words.DiffBlocks.Sum(b => Letters(words.PiecesNew, b.InsertStartB, b.InsertCountB));
        var oldLetters = Letters(words.PiecesOld, 0, words.PiecesOld.Count);
        var kept = oldLetters - removed;
        return kept * 2 >= Math.Min(oldLetters, kept + added);
    }

    private static int Letters(IReadOnlyList<string> pieces, int from, int count)
    {
        var letters = 0;
        for (var i = from; i < from + count; i++)
        {
            letters += pieces[i].Length - pieces[i].Count(char.IsWhiteSpace);
        }

        return letters;
    }

    // Lines with their line ends, as they read in the text.
    private static string Lines(IReadOnlyList<string> lines, int from, int count) =>
        count <= 0 ? "" : string.Concat(Enumerable.Range(from, count).Select(i => lines[i] + "\n"));

    private static string Normalised(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static bool IsShort(string text) => text.Length <= ShortValue && !text.Contains('\n');

    private static int LineCount(string text) => text.Count(c => c == '\n') + 1;
}
