using AngleSharp;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;
using Ganss.Xss;

namespace Cms.Markdown.Services;

/// <summary>
/// The one HtmlSanitizer for rendered bodies: an allow-list of article markup (headings, lists, tables, links,
/// images, code, quotes, figures), nothing that runs script, embeds another page or restyles the site.
/// Configured here and never changed afterwards, which is HtmlSanitizer's condition for sharing one instance across threads.
/// </summary>
internal sealed class RichTextSanitizer
{
    private readonly HtmlSanitizer _sanitizer;

    public RichTextSanitizer()
    {
        _sanitizer = new HtmlSanitizer(Options());
        _sanitizer.PostProcessNode += OnPostProcessNode;
    }

    public string Sanitize(string html) => _sanitizer.Sanitize(html);

    /// <summary>
    /// The sanitized HTML (as <see cref="Sanitize"/> writes it) and its words for search, both from the one sanitized
    /// tree: parsing the written HTML again for its words took a third of the time an import spent on a body.
    /// </summary>
    public RichText SanitizeWithText(string html)
    {
        using var document = _sanitizer.SanitizeDom(html);
        return document.Body is { } body ? new RichText(body.ChildNodes.ToHtml(_sanitizer.OutputFormatter), PlainText.Of(body)) : new RichText("", "");
    }

    private static HtmlSanitizerOptions Options() => new()
    {
        // iframe, object, embed, form controls and svg are left out: Markdig's media links (YouTube iframes) are
        // dropped too, until embeds get an allow-list of their own. input stays for task lists, see below.
        AllowedTags = Set(
            "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "div", "span", "section", "article", "aside", "header", "footer",
            "a", "strong", "b", "em", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "abbr", "cite", "q", "dfn",
            "kbd", "samp", "var", "code", "pre", "time", "wbr", "blockquote", "details", "summary", "address",
            "ul", "ol", "li", "dl", "dt", "dd", "input",
            "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
            "img", "figure", "figcaption"),
        // id and class carry Markdig's heading anchors, footnote links, code languages and task-list markers.
        AllowedAttributes = Set(
            "href", "src", "alt", "title", "width", "height", "id", "class", "lang", "dir", "cite", "datetime",
            "colspan", "rowspan", "scope", "headers", "span", "start", "reversed", "type", "checked", "disabled",
            "open", "target", "rel", "style"),
        // style is allowed for this one property only: Markdig writes pipe-table column alignment as
        // style="text-align: ...". Every other declaration is removed, and the attribute with it when nothing is left.
        AllowedCssProperties = Set("text-align"),
        AllowedAtRules = new HashSet<CssRuleType>(),
        AllowedClasses = Set(),
        AllowedSchemes = Set("http", "https", "mailto", "tel"),
        UriAttributes = Set(HtmlSanitizerDefaults.UriAttributes),
        UriListAttributes = Set(HtmlSanitizerDefaults.UriListAttributes),
        AllowDataAttributes = false,
        AllowCssCustomProperties = false,
    };

    private static HashSet<string> Set(params IEnumerable<string> values) => new(values, StringComparer.OrdinalIgnoreCase);

    private static void OnPostProcessNode(object? sender, PostProcessNodeEventArgs e)
    {
        if (e.Node is not IElement element)
        {
            return;
        }

        if (element.LocalName == "a" && element.HasAttribute("target"))
        {
            // target is kept because authors link out on purpose (a booking site, a crisis line) and dropping it would
            // silently change their page; the opened page must not get window.opener (reverse tabnabbing) or our URL.
            element.SetAttribute("rel", WithOpenerProtection(element.GetAttribute("rel")));
        }
        else if (element.LocalName == "input")
        {
            // Task lists are the one use of input in an article: anything else goes, and a checkbox can never be ticked.
            if (string.Equals(element.GetAttribute("type"), "checkbox", StringComparison.OrdinalIgnoreCase))
            {
                element.SetAttribute("disabled", "disabled");
            }
            else
            {
                e.ReplacementNodes.Add(e.Document.CreateTextNode(""));
            }
        }
    }

    private static string WithOpenerProtection(string? rel)
    {
        var tokens = (rel ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var required in (string[])["noopener", "noreferrer"])
        {
            if (!tokens.Contains(required, StringComparer.OrdinalIgnoreCase))
            {
                tokens.Add(required);
            }
        }

        return string.Join(' ', tokens);
    }
}
