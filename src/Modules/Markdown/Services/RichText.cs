namespace Cms.Markdown.Services;

/// <summary>A body rendered for display, and its words for full-text search.</summary>
internal sealed record RichText(string Html, string Text);
