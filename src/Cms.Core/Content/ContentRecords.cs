using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Content.Handlers;
using Cms.Data;
using Cms.Media;

namespace Cms.Content;

/// <summary>
/// Maps a version to its row and back. The Latest and Published flags live in their columns only (they
/// change when other versions are published); the document gets them back when read.
/// </summary>
internal static class ContentRecords
{
    // The rendered HTML is kept in the database and read back by the server, never written into a page as JSON, so its
    // <, > and & need no escaping; unescaped, reading a body back for a page copies it instead of decoding each one.
    private static readonly JsonSerializerOptions s_rendered = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ContentItemRecord ToRecord(ContentItem item, ContentIndexValues index, string tenantId)
    {
        var document = item.ToOrchardJson();
        document.Remove(nameof(ContentItem.Latest));
        document.Remove(nameof(ContentItem.Published));
        return new ContentItemRecord
        {
            TenantId = tenantId,
            ContentItemVersionId = item.ContentItemVersionId,
            ContentItemId = item.ContentItemId,
            ContentType = item.ContentType,
            DisplayText = item.DisplayText,
            Latest = item.Latest,
            Published = item.Published,
            CreatedUtc = item.CreatedUtc?.UtcDateTime,
            ModifiedUtc = item.ModifiedUtc?.UtcDateTime,
            PublishedUtc = item.PublishedUtc?.UtcDateTime,
            Owner = item.Owner,
            Author = item.Author,
            Json = document.ToJsonString(),
            RoutePath = index.RoutePath,
            ContainerId = index.ContainerId,
            ContainerOrder = index.ContainerOrder,
            RenderedJson = index.RenderedHtml.Count == 0 ? null : JsonSerializer.Serialize(index.RenderedHtml, s_rendered),
            SearchText = index.SearchText.Length == 0 ? null : index.SearchText.ToString().Trim(),
            MediaPaths = MediaNames.Stored(MediaNames.In(document)),
        };
    }

    public static ContentItem ToItem(ContentItemRecord record)
    {
        var item = new ContentItem(JsonNode.Parse(record.Json)!.AsObject())
        {
            Latest = record.Latest,
            Published = record.Published,
        };
        return new ContentItem(item.ToOrchardJson()) { Stored = new ContentVersionStamp(record.ContentItemVersionId, record.Revision) };
    }

    public static IReadOnlyDictionary<string, string> Rendered(ContentItemRecord record) =>
        record.RenderedJson is null
            ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize<Dictionary<string, string>>(record.RenderedJson)!;
}
