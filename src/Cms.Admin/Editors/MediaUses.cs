using System.Text.Json.Nodes;
using Cms.Data;
using Cms.Data.Migrations.Tenant;
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
        var rows = await Query(db).ToListAsync(cancellationToken);
        // By file, the items in the order read, each once: a logo in every one of 100,000 articles is one list, not a search of it per row.
        var uses = new Dictionary<string, OrderedDictionary<string, MediaUse>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var named = row.MediaPaths is { } stored ? MediaNames.FromStored(stored) : MediaNames.In(JsonNode.Parse(row.Json!));
            foreach (var path in named)
            {
                var items = uses.TryGetValue(path, out var found) ? found : uses[path] = new OrderedDictionary<string, MediaUse>(StringComparer.Ordinal);
                if (row.Latest || !items.ContainsKey(row.ContentItemId))
                {
                    // The editor shows the latest version, so its title names the item.
                    items[row.ContentItemId] = new MediaUse(row.ContentItemId, row.ContentType, row.DisplayText);
                }
            }
        }

        return uses.ToDictionary(u => u.Key, u => (IReadOnlyList<MediaUse>)u.Value.Values.ToList(), StringComparer.Ordinal);
    }

    /// <summary>
    /// The current versions that name media, through the index of those (rows known to name nothing are left out by
    /// it); a row without the list brings its JSON instead.
    /// </summary>
    internal static IQueryable<NamingRow> Query(TenantDbContext db) =>
        db.ContentItems.FromSqlRaw(CurrentNamingMedia).AsNoTracking()
            .OrderBy(c => c.DisplayText).ThenBy(c => c.ContentItemId)
            .Select(c => new NamingRow(c.ContentItemId, c.ContentType, c.DisplayText, c.Latest, c.MediaPaths, c.MediaPaths == null ? c.Json : null));

    private const string CurrentNamingMedia = "SELECT * FROM \"ContentItems\" WHERE " + TenantMediaNames.CurrentNamingMedia;

    internal sealed record NamingRow(string ContentItemId, string ContentType, string? DisplayText, bool Latest, string? MediaPaths, string? Json);
}
