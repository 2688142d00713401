using System.Text.Json.Nodes;
using Cms.Content;
using Cms.Content.Definitions;
using Cms.Content.Handlers;

namespace Cms.Markdown.Tests.Support;

/// <summary>
/// An "Article" type as a recipe would define it: a MarkdownBodyPart and an HtmlBodyPart, and on the type's own part a
/// MarkdownField "Summary" and an HtmlField "Callout". Settings blocks are passed in to test SanitizeHtml.
/// </summary>
internal static class ArticleContent
{
    public static ContentSavingContext Saving(string itemJson, JsonObject? markdownBodySettings = null, JsonObject? htmlBodySettings = null,
        JsonObject? summarySettings = null, JsonObject? calloutSettings = null, PreparedWork? prepared = null)
    {
        var type = new ContentTypeDefinition
        {
            Name = "Article",
            DisplayName = "Article",
            ContentTypePartDefinitionRecords =
            [
                new() { PartName = "TitlePart", Name = "TitlePart" },
                new() { PartName = ContentNames.MarkdownBodyPart, Name = ContentNames.MarkdownBodyPart, Settings = markdownBodySettings ?? [] },
                new() { PartName = ContentNames.HtmlBodyPart, Name = ContentNames.HtmlBodyPart, Settings = htmlBodySettings ?? [] },
                new() { PartName = "Article", Name = "Article" },
            ],
        };
        var ownPart = new ContentPartDefinition
        {
            Name = "Article",
            ContentPartFieldDefinitionRecords =
            [
                new() { FieldName = ContentNames.MarkdownField, Name = "Summary", Settings = summarySettings ?? [] },
                new() { FieldName = ContentNames.HtmlField, Name = "Callout", Settings = calloutSettings ?? [] },
                new() { FieldName = ContentNames.TextField, Name = "Subtitle" },
            ],
        };
        var definitions = new ContentDefinitions { ContentTypeDefinitionRecords = [type], ContentPartDefinitionRecords = [ownPart] };
        var item = new ContentItem(JsonNode.Parse(itemJson)!.AsObject());
        return new ContentSavingContext(item, type, definitions, NoContentLookup.Create()) { IsImport = prepared is not null, Prepared = prepared };
    }

    public static JsonObject SanitizeHtml(string block, bool value) => new() { [block] = new JsonObject { ["SanitizeHtml"] = value } };
}
