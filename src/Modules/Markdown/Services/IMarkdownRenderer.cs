namespace Cms.Markdown.Services;

/// <summary>Turns Markdown into HTML with the tenant-wide Markdig pipeline (configuration <c>Cms:Markdown:Extensions</c>).</summary>
public interface IMarkdownRenderer
{
    /// <summary>
    /// Renders <paramref name="markdown"/>; sanitized unless <paramref name="sanitize"/> is false, which mirrors
    /// Orchard's <c>SanitizeHtml</c> setting and must only be used for content whose authors are trusted with raw HTML.
    /// </summary>
    string ToHtml(string markdown, bool sanitize = true);
}
