using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cms.Content.Definitions;

/// <summary>
/// Reads definition settings the way Orchard binds them: a block keyed by settings-class name with
/// case-insensitive keys, numbers and booleans also given as strings, and the flat form of very old
/// recipes (<c>"Settings": { "Creatable": "True" }</c>) as a fallback.
/// </summary>
public static class SettingsReader
{
    public static JsonNode? Find(JsonObject settings, string block, string key)
    {
        if (Property(settings, block) is JsonObject nested && Property(nested, key) is { } value)
        {
            return value;
        }

        return Property(settings, key);
    }

    public static bool? Bool(JsonObject settings, string block, string key) => Find(settings, block, key) switch
    {
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        JsonValue v when v.TryGetValue<string>(out var s) && bool.TryParse(s, out var b) => b,
        _ => null,
    };

    public static double? Number(JsonObject settings, string block, string key) => Find(settings, block, key) switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>(),
        JsonValue v when v.TryGetValue<string>(out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    public static string? Text(JsonObject settings, string block, string key) =>
        Find(settings, block, key) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static IReadOnlyList<string> Texts(JsonObject settings, string block, string key) =>
        Find(settings, block, key) is JsonArray array
            ? array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToArray()
            : [];

    private static JsonNode? Property(JsonObject obj, string name)
    {
        if (obj.TryGetPropertyValue(name, out var exact))
        {
            return exact;
        }

        foreach (var (key, value) in obj)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}
