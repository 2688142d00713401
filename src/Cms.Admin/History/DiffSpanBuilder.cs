using System.Text;

namespace Cms.Admin.History;

/// <summary>
/// Collects a compared text's spans in order; adjacent runs of one kind become one span (a change reads as one mark,
/// not one per word), built in one buffer so a long run costs its length, not its length times its pieces.
/// </summary>
internal sealed class DiffSpanBuilder
{
    private readonly List<DiffSpan> _spans = [];
    private readonly StringBuilder _run = new();
    private DiffKind _kind;

    public void Add(DiffKind kind, string text) => Add(kind, [text], 0, 1, lineEnds: false);

    /// <param name="lineEnds">Whether each piece is a line, to be followed by its line end.</param>
    public void Add(DiffKind kind, IReadOnlyList<string> pieces, int from, int count, bool lineEnds)
    {
        for (var i = from; i < from + count; i++)
        {
            if (pieces[i].Length == 0 && !lineEnds)
            {
                continue;
            }

            if (_kind != kind && _run.Length > 0)
            {
                Flush();
            }

            _kind = kind;
            _run.Append(pieces[i]);
            if (lineEnds)
            {
                _run.Append('\n');
            }
        }
    }

    /// <summary>The spans, without the line end after the text's last line.</summary>
    public IReadOnlyList<DiffSpan> ToList()
    {
        if (_run.Length > 0 && _run[^1] == '\n')
        {
            _run.Length--;
        }

        Flush();
        return _spans;
    }

    private void Flush()
    {
        if (_run.Length > 0)
        {
            _spans.Add(new DiffSpan(_kind, _run.ToString()));
            _run.Clear();
        }
    }
}
