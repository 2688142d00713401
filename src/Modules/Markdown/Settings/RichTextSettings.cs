using System.Text.Json.Nodes;
using Cms.Content.Definitions;

namespace Cms.Markdown.Settings;

/// <summary>Orchard's settings blocks for Markdown and HTML bodies and fields, and how their <c>SanitizeHtml</c> is read.</summary>
internal static class RichTextSettings
{
    public const string MarkdownBodyPart = "MarkdownBodyPartSettings";
    public const string MarkdownField = "MarkdownFieldSettings";
    public const string HtmlBodyPart = "HtmlBodyPartSettings";
    public const string HtmlField = "HtmlFieldSettings";

    public const string SanitizeHtml = nameof(SanitizeHtml);

    /// <summary>True unless the block says false: Orchard's default for new definitions.</summary>
    public static bool Sanitize(JsonObject settings, string block) => SettingsReader.Bool(settings, block, SanitizeHtml) ?? true;
}
