using System.Collections.Frozen;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Cms.Markdown.Services;

/// <summary>The words of rendered HTML for full-text search: tags dropped, entities decoded, whitespace collapsed.</summary>
internal static class PlainText
{
    // Elements that sit inside a word as often as between words (<em>un</em>happy); every other element separates words.
    private static readonly FrozenSet<string> Inline = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "del", "dfn", "em", "i", "ins", "kbd", "mark", "q", "s",
        "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr");

    // Not prose; only present in bodies stored unsanitized.
    private static readonly FrozenSet<string> NotText = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "script", "style", "template", "noscript", "svg", "math");

    public static string FromHtml(string html)
    {
        // A parser per call: AngleSharp's maintainers do not promise a shared parser is thread-safe, and one costs microseconds.
        using var document = new HtmlParser().ParseDocument(html);
        return document.Body is { } body ? Of(body) : "";
    }

    /// <summary>The words of a parsed body, such as the sanitizer's, without writing it out and parsing it again.</summary>
    public static string Of(INode body)
    {
        var text = new StringBuilder();

        // An explicit stack rather than recursion, so deeply nested markup cannot exhaust the thread's stack.
        var pending = new Stack<(INode Node, bool Closing)>();
        pending.Push((body, false));

        while (pending.TryPop(out var item))
        {
            if (item.Closing)
            {
                text.Append(' ');
                continue;
            }

            switch (item.Node)
            {
                case IText node:
                    text.Append(node.Data);
                    continue;
                case IElement element when NotText.Contains(element.LocalName):
                    continue;
                case IElement element when !Inline.Contains(element.LocalName):
                    text.Append(' ');
                    pending.Push((element, true));
                    break;
            }

            for (var i = item.Node.ChildNodes.Length - 1; i >= 0; i--)
            {
                pending.Push((item.Node.ChildNodes[i], false));
            }
        }

        return Collapse(text);
    }

    private static string Collapse(StringBuilder text)
    {
        var result = new StringBuilder(text.Length);
        var space = false;
        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = result.Length > 0;
                    continue;
                }

                if (space)
                {
                    result.Append(' ');
                    space = false;
                }

                result.Append(c);
            }
        }

        return result.ToString();
    }
}
