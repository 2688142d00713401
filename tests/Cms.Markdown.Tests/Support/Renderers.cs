using Cms.Markdown.Services;

namespace Cms.Markdown.Tests.Support;

/// <summary>Real renderers for tests, with Orchard's default extensions unless a test needs raw HTML through.</summary>
internal static class Renderers
{
    public static MarkdigRenderer Create(string extensions = MarkdownModule.DefaultExtensions) => new(extensions, new RichTextSanitizer());
}
