using System.Text.Json;
using System.Text.RegularExpressions;
using Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cms.Admin.Editors;

/// <summary>
/// Which content uses which media files: a media field holds the path itself (its <c>Paths</c>), a Markdown body or any
/// text an address with <c>/media/</c> and the path (under a prefix too). Only current versions count (latest and
/// published): an old version in the history keeps no file alive, and restoring one refuses a missing image.
/// </summary>
internal static partial class MediaUses
{
    /// <summary>Every media path the practice's current content names, with the items naming it (each item once).</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<MediaUse>>> FindAsync(TenantDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.ContentItems.AsNoTracking()
            .Where(c => c.Latest || c.Published)
            .OrderBy(c => c.DisplayText).ThenBy(c => c.ContentItemId)
            .Select(c => new { c.ContentItemId, c.ContentType, c.DisplayText, c.Latest, c.Json })
            .ToListAsync(cancellationToken);
        var uses = new Dictionary<string, List<MediaUse>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            using var document = JsonDocument.Parse(row.Json);
            foreach (var path in Named(document.RootElement).Distinct(StringComparer.Ordinal))
            {
                var items = uses.TryGetValue(path, out var found) ? found : uses[path] = [];
                var index = items.FindIndex(u => u.ContentItemId == row.ContentItemId);
                if (index < 0)
                {
                    items.Add(new MediaUse(row.ContentItemId, row.ContentType, row.DisplayText));
                }
                else if (row.Latest)
                {
                    // The editor shows the latest version, so its title names the item.
                    items[index] = new MediaUse(row.ContentItemId, row.ContentType, row.DisplayText);
                }
            }
        }

        return uses.ToDictionary(u => u.Key, u => (IReadOnlyList<MediaUse>)u.Value, StringComparer.Ordinal);
    }

    // Every string of the document as a candidate path, and every /media/ address inside a string, unescaped.
    private static IEnumerable<string> Named(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                return element.EnumerateObject().SelectMany(p => Named(p.Value));
            case JsonValueKind.Array:
                return element.EnumerateArray().SelectMany(Named);
            case JsonValueKind.String:
                var text = element.GetString() ?? "";
                return MediaAddress().Matches(text).Select(m => Uri.UnescapeDataString(m.Groups[1].Value)).Prepend(text);
            default:
                return [];
        }
    }

    [GeneratedRegex(@"/media/([^\s()<>""'?#\\\]\[]+)")]
    private static partial Regex MediaAddress();
}
