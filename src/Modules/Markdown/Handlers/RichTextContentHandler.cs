using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Content;
using Cms.Content.Definitions;
using Cms.Content.Handlers;
using Cms.Markdown.Services;
using Cms.Markdown.Settings;

namespace Cms.Markdown.Handlers;

/// <summary>
/// Renders Markdown and HTML bodies and fields when a version is saved, where Orchard renders them on every display:
/// sanitizing costs about half a millisecond, so it is paid once per version rather than once per request.
/// </summary>
internal sealed class RichTextContentHandler : IContentHandler
{
    private const string MarkdownProperty = "Markdown";
    private const string HtmlProperty = "Html";

    // A larger body is rendered when it is saved, so what an import keeps ahead stays small.
    private const int MaxPreparedLength = 256 * 1024;

    private readonly IMarkdownRenderer _markdown;
    private readonly RichTextSanitizer _sanitizer;

    public RichTextContentHandler(IMarkdownRenderer markdown, RichTextSanitizer sanitizer)
    {
        _markdown = markdown;
        _sanitizer = sanitizer;
    }

    public Task SavingAsync(ContentSavingContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        foreach (var (part, data) in context.PartsOf(ContentNames.MarkdownBodyPart))
        {
            var sanitize = RichTextSettings.Sanitize(part.Settings, RichTextSettings.MarkdownBodyPart);
            Store(context, part.Name, $"{part.Name}.{MarkdownProperty}", data?[MarkdownProperty], "Markdown", source =>
                (sanitize ? context.Prepared?.Take<Lazy<RichText>>(PreparedKey(source)) : null)?.Value ?? Rendered(_markdown.ToHtml(source, sanitize: false), sanitize));
        }

        foreach (var (part, data) in context.PartsOf(ContentNames.HtmlBodyPart))
        {
            var sanitize = RichTextSettings.Sanitize(part.Settings, RichTextSettings.HtmlBodyPart);
            Store(context, part.Name, $"{part.Name}.{HtmlProperty}", data?[HtmlProperty], "HTML", source => Rendered(source, sanitize));
        }

        foreach (var field in context.FieldsOf(ContentNames.MarkdownField))
        {
            var sanitize = RichTextSettings.Sanitize(field.Definition.Settings, RichTextSettings.MarkdownField);
            StoreField(context, field, MarkdownProperty, "Markdown", source => Rendered(_markdown.ToHtml(source, sanitize: false), sanitize));
        }

        foreach (var field in context.FieldsOf(ContentNames.HtmlField))
        {
            var sanitize = RichTextSettings.Sanitize(field.Definition.Settings, RichTextSettings.HtmlField);
            StoreField(context, field, HtmlProperty, "HTML", source => Rendered(source, sanitize));
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The rendering of the item's sanitized Markdown bodies, kept by their Markdown: the save takes the one rendered for
    /// its Markdown, or waits for it if it is being rendered, or renders it itself if its rendering has not started.
    /// </summary>
    public Action? Prepare(ContentTypeDefinition type, JsonObject item, PreparedWork prepared)
    {
        Action? work = null;
        foreach (var part in type.ContentTypePartDefinitionRecords)
        {
            if (part.PartName == ContentNames.MarkdownBodyPart
                && RichTextSettings.Sanitize(part.Settings, RichTextSettings.MarkdownBodyPart)
                && item[part.Name] is JsonObject data
                && data[MarkdownProperty] is JsonValue value
                && value.TryGetValue<string>(out var source)
                && !string.IsNullOrWhiteSpace(source)
                && source.Length <= MaxPreparedLength)
            {
                var body = new Lazy<RichText>(() => Rendered(_markdown.ToHtml(source, sanitize: false), sanitize: true));
                prepared.Keep(PreparedKey(source), body);
                work += () => _ = body.Value;
            }
        }

        return work;
    }

    private static string PreparedKey(string markdown) => ContentNames.MarkdownBodyPart + ":" + markdown;

    // The sanitizer's tree gives the words too; HTML stored unsanitized is parsed for them.
    private RichText Rendered(string html, bool sanitize) => sanitize ? _sanitizer.SanitizeWithText(html) : new RichText(html, PlainText.FromHtml(html));

    private static void StoreField(ContentSavingContext context, ContentFieldEntry field, string property, string syntax, Func<string, RichText> render)
    {
        // A part's scalar is dropped when the item is read, as Orchard does; a field's is not, so a field written as a bare
        // string ("Summary": "...") instead of { "Markdown": "..." } is reported rather than silently lost.
        if (field.Data is null && field.PartData?[field.Definition.Name] is { } wrongShape)
        {
            context.AddError(field.Path, $"{field.Path} must be an object like {{ \"{property}\": \"...\" }}, not {Describe(wrongShape)}.");
            return;
        }

        Store(context, field.Path, field.Path, field.Data?[property], syntax, render);
    }

    private static void Store(ContentSavingContext context, string key, string path, JsonNode? value, string syntax, Func<string, RichText> render)
    {
        if (value is null)
        {
            return;
        }

        if (value is not JsonValue text || !text.TryGetValue<string>(out var source))
        {
            context.AddError(path, $"{path} must be a string of {syntax}, not {Describe(value)}.");
            return;
        }

        // Rendering refuses nothing: a check only (a recipe's, 0.4 ms an article) leaves it to the save.
        if (string.IsNullOrWhiteSpace(source) || context.IsCheckOnly)
        {
            return;
        }

        var rendered = render(source);
        context.Index.RenderedHtml[key] = rendered.Html;
        AppendSearchText(context.Index.SearchText, rendered.Text);
    }

    private static void AppendSearchText(StringBuilder searchText, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (searchText.Length > 0 && !char.IsWhiteSpace(searchText[^1]))
        {
            searchText.Append(' ');
        }

        searchText.Append(text);
    }

    private static string Describe(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.Number => $"the number {value.ToJsonString()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.ToJsonString()}",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        _ => "a value of another kind",
    };
}
