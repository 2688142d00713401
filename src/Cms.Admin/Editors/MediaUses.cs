using System.Text.Json.Nodes;
using Cms.Data;
using Cms.Media;
using Microsoft.EntityFrameworkCore;

namespace Cms.Admin.Editors;

/// <summary>
/// Which content uses which media files: the files each version names (<see cref="MediaNames"/>: a media field's paths,
/// <c>/media/</c> addresses in a body or any text), kept with the version when it is stored; a row stored before that
/// was kept is read from its JSON. Only current versions count (latest and published): an old version in the history
/// keeps no file alive, and restoring one refuses a missing image.
/// </summary>
internal static class MediaUses
{
    /// <summary>Every media path the practice's current content names, with the items naming it (each item once).</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<MediaUse>>> FindAsync(TenantDbContext db, CancellationToken cancellationToken)
    {
        // Rows known to name nothing are left out by the database; a row without the list brings its JSON instead.
        var rows = await db.ContentItems.AsNoTracking()
            .Where(c => (c.Latest || c.Published) && c.MediaPaths != "")
            .OrderBy(c => c.DisplayText).ThenBy(c => c.ContentItemId)
            .Select(c => new { c.ContentItemId, c.ContentType, c.DisplayText, c.Latest, c.MediaPaths, Json = c.MediaPaths == null ? c.Json : null })
            .ToListAsync(cancellationToken);
        var uses = new Dictionary<string, List<MediaUse>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var named = row.MediaPaths is { } stored ? MediaNames.FromStored(stored) : MediaNames.In(JsonNode.Parse(row.Json!));
            foreach (var path in named)
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
}
