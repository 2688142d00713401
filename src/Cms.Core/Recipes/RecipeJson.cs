using System.Text.Json.Nodes;

namespace Cms.Recipes;

/// <summary>Orchard binds recipe properties case-insensitively; these are the one way to read them so.</summary>
internal static class RecipeJson
{
    public static JsonNode? Find(this JsonObject obj, string name)
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

    public static string? FindText(this JsonObject obj, string name) =>
        obj.Find(name) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
