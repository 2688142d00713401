using Markdig;

namespace Cms.Markdown.Services;

/// <summary>Markdig with a pipeline built once from Orchard's extensions string; Markdig pipelines are immutable and safe to share.</summary>
internal sealed class MarkdigRenderer : IMarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline;
    private readonly RichTextSanitizer _sanitizer;

    /// <param name="extensions">Markdig's <c>+</c>-separated syntax, e.g. <c>nohtml+advanced</c>.</param>
    /// <exception cref="ArgumentException">An extension Markdig does not know.</exception>
    public MarkdigRenderer(string extensions, RichTextSanitizer sanitizer)
    {
        _pipeline = new MarkdownPipelineBuilder().Configure(extensions).Build();
        _sanitizer = sanitizer;
    }

    public string ToHtml(string markdown, bool sanitize = true)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var html = Markdig.Markdown.ToHtml(markdown, _pipeline);
        return sanitize ? _sanitizer.Sanitize(html) : html;
    }
}
