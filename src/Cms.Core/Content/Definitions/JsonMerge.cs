using System.Text.Json.Nodes;

namespace Cms.Content.Definitions;

/// <summary>Orchard's settings merge: objects merged key by key, arrays unioned, anything else (null too) overwrites.</summary>
internal static class JsonMerge
{
    public static void Into(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source)
        {
            switch (value, target[key])
            {
                case (JsonObject from, JsonObject to):
                    Into(to, from);
                    break;
                case (JsonArray from, JsonArray to):
                    foreach (var element in from.Where(e => !to.Any(existing => JsonNode.DeepEquals(existing, e))))
                    {
                        to.Add(element?.DeepClone());
                    }

                    break;
                default:
                    target[key] = value?.DeepClone();
                    break;
            }
        }
    }
}
