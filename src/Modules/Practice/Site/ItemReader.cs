using System.Globalization;
using System.Text.Json.Nodes;

namespace Cms.Practice.Site;

/// <summary>Reads Orchard field values out of one part of a content item, forgiving about missing data.</summary>
internal readonly struct ItemReader
{
    private readonly JsonObject? _part;

    public ItemReader(JsonObject item, string part)
    {
        _part = item[part] as JsonObject;
    }

    /// <summary>A property of the part itself rather than of a field (SeoMetaPart.PageTitle).</summary>
    public string? Raw(string property) => Clean(String(_part?[property]));

    public string? Text(string field) => Clean(String(_part?[field]?["Text"]));

    public bool Bool(string field, bool fallback = false) =>
        _part?[field]?["Value"] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : fallback;

    public int? Int(string field) => _part?[field]?["Value"] switch
    {
        JsonValue v when v.TryGetValue<decimal>(out var d) => (int)d,
        JsonValue v when v.TryGetValue<string>(out var s) && decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => (int)d,
        _ => null,
    };

    public DateTimeOffset? Date(string field) =>
        String(_part?[field]?["Value"]) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    public IReadOnlyList<string> Values(string field) => Strings(_part?[field]?["Values"]);

    public IReadOnlyList<string> Ids(string field) => Strings(_part?[field]?["ContentItemIds"]);

    /// <summary>A link field; a URL that could run script (nested items are not checked on save) is dropped.</summary>
    public (string? Url, string? Text) Link(string field) => (SafeUrl(Clean(String(_part?[field]?["Url"]))), Clean(String(_part?[field]?["Text"])));

    // A link stored before the rule (or written to the database by hand) that it refuses is not shown.
    private static string? SafeUrl(string? url) => url is null || Cms.Content.LinkAddresses.Problem(url) is null ? url : null;

    /// <summary>The first image of a media field, with its alt text; null when there is none.</summary>
    public ImageModel? Image(string field)
    {
        var paths = Strings(_part?[field]?["Paths"]);
        if (paths.Count == 0)
        {
            return null;
        }

        var texts = Strings(_part?[field]?["MediaTexts"]);
        return new ImageModel { Url = "/media/" + paths[0].TrimStart('/'), Alt = texts.Count > 0 ? texts[0] : "" };
    }

    public static string? String(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(String).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()).ToList() : [];
}
