using System.Globalization;
using System.Text.Json.Nodes;

namespace Cms.Content;

/// <summary>
/// One version of a content item in Orchard Core's JSON shape: the envelope (ids, type, flags, dates,
/// owner) and one object per part, fields inside their part. Part data we do not know stays as it came.
/// </summary>
public sealed class ContentItem
{
    /// <summary>The envelope keys, in the order Orchard writes them; matched case-sensitively as Orchard does.</summary>
    public static readonly string[] EnvelopeKeys =
    [
        "ContentItemId", "ContentItemVersionId", "ContentType", "DisplayText", "Latest", "Published",
        "ModifiedUtc", "PublishedUtc", "CreatedUtc", "Owner", "Author",
    ];

    public ContentItem(JsonObject data)
    {
        Data = data;
    }

    public JsonObject Data { get; }

    public string ContentItemId { get => Text(nameof(ContentItemId)) ?? ""; set => Data[nameof(ContentItemId)] = value; }

    public string ContentItemVersionId { get => Text(nameof(ContentItemVersionId)) ?? ""; set => Data[nameof(ContentItemVersionId)] = value; }

    public string ContentType { get => Text(nameof(ContentType)) ?? ""; set => Data[nameof(ContentType)] = value; }

    public string? DisplayText { get => Text(nameof(DisplayText)); set => Data[nameof(DisplayText)] = value; }

    public bool Latest { get => Flag(nameof(Latest)); set => Data[nameof(Latest)] = value; }

    public bool Published { get => Flag(nameof(Published)); set => Data[nameof(Published)] = value; }

    public DateTimeOffset? CreatedUtc { get => Date(nameof(CreatedUtc)); set => SetDate(nameof(CreatedUtc), value); }

    public DateTimeOffset? ModifiedUtc { get => Date(nameof(ModifiedUtc)); set => SetDate(nameof(ModifiedUtc), value); }

    public DateTimeOffset? PublishedUtc { get => Date(nameof(PublishedUtc)); set => SetDate(nameof(PublishedUtc), value); }

    public string? Owner { get => Text(nameof(Owner)); set => Data[nameof(Owner)] = value; }

    public string? Author { get => Text(nameof(Author)); set => Data[nameof(Author)] = value; }

    /// <summary>
    /// The stored version this object was read as, which a save of it is checked against; null for an item not read from
    /// the store (a new one, a copy), which builds on whatever version is current when it is saved. Not part of the JSON.
    /// </summary>
    internal ContentVersionStamp? Stored { get; set; }

    /// <summary>A new, empty item of a type, with fresh ids.</summary>
    public static ContentItem Create(string contentType) => new([])
    {
        ContentItemId = ContentIds.NewId(),
        ContentItemVersionId = ContentIds.NewId(),
        ContentType = contentType,
    };

    public static bool IsEnvelopeKey(string key) => Array.IndexOf(EnvelopeKeys, key) >= 0;

    public JsonObject? Part(string name) => Data[name] as JsonObject;

    public JsonObject GetOrCreatePart(string name)
    {
        if (Data[name] is JsonObject part)
        {
            return part;
        }

        part = [];
        Data[name] = part;
        return part;
    }

    /// <summary>A copy of the data; a copy is not the stored version it came from, so it has no <see cref="Stored"/>.</summary>
    public ContentItem Clone() => new((JsonObject)Data.DeepClone());

    /// <summary>Orchard's export shape: envelope first in its order, then every part as it is.</summary>
    public JsonObject ToOrchardJson()
    {
        var result = new JsonObject();
        foreach (var key in EnvelopeKeys)
        {
            result[key] = Data[key]?.DeepClone();
        }

        foreach (var (key, value) in Data)
        {
            if (!IsEnvelopeKey(key) && value is JsonObject or JsonArray)
            {
                result[key] = value.DeepClone();
            }
        }

        return result;
    }

    private string? Text(string key) => Data[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private bool Flag(string key) => Data[key] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private DateTimeOffset? Date(string key) =>
        Text(key) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date) ? date : null;

    private void SetDate(string key, DateTimeOffset? value) =>
        Data[key] = value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
