using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Cms.Media;

/// <summary>
/// The media library files a content version names: a media field's paths themselves, and the file of every
/// <c>/media/</c> address in any text (a Markdown body's image or link, under a prefix or a host too). Only names a
/// library file could have are kept (an image type the library takes), so the list stored with a version is short
/// and "which items use this file" reads it instead of every item's JSON.
/// </summary>
public static partial class MediaNames
{
    /// <summary>The names, each once, in the order they come in the document.</summary>
    public static IReadOnlyList<string> In(JsonNode? document)
    {
        var names = new List<string>();
        Collect(document, names);
        return names.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The names as a version's row keeps them: one a line, empty when it names none.</summary>
    public static string Stored(IReadOnlyList<string> names) => string.Join('\n', names);

    /// <summary>The names a row keeps (<see cref="Stored"/>).</summary>
    public static string[] FromStored(string stored) => stored.Length == 0 ? [] : stored.Split('\n');

    private static void Collect(JsonNode? node, List<string> names)
    {
        switch (node)
        {
            case JsonObject properties:
                foreach (var (_, value) in properties)
                {
                    Collect(value, names);
                }

                break;
            case JsonArray items:
                foreach (var item in items)
                {
                    Collect(item, names);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                Add(text, names);
                if (text.Contains("/media/", StringComparison.Ordinal))
                {
                    foreach (Match address in MediaAddress().Matches(text))
                    {
                        Add(Uri.UnescapeDataString(address.Groups[1].Value), names);
                    }
                }

                break;
        }
    }

    // A name a library file could have, as the library writes it (no leading slash, no address); a line break would cut
    // the stored list, and no library path has one.
    private static void Add(string candidate, List<string> names)
    {
        if (candidate.Length <= MediaPaths.MaxLength && !candidate.Contains('\n') && !candidate.Contains("://", StringComparison.Ordinal)
            && AcceptedMedia.CheckName(candidate) is null && MediaPaths.Problem(candidate) is null && MediaPaths.Normalize(candidate) == candidate)
        {
            names.Add(candidate);
        }
    }

    [GeneratedRegex(@"/media/([^\s()<>""'?#\\\]\[]+)")]
    private static partial Regex MediaAddress();
}
