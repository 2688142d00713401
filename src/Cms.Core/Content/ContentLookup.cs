using Cms.Content.Handlers;
using Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cms.Content;

/// <summary>Answers handlers' questions about other items from the tenant's store and the import under way.</summary>
internal sealed class ContentLookup : IContentLookup
{
    private readonly TenantDbContext _db;

    private readonly Func<CancellationToken, Task> _flush;

    public ContentLookup(TenantDbContext db, Func<CancellationToken, Task> flush)
    {
        _db = db;
        _flush = flush;
    }

    /// <summary>Routes of versions added in the current import batch but not yet saved, by path.</summary>
    public Dictionary<string, string> UnsavedRoutes { get; } = new(StringComparer.Ordinal);

    /// <summary>Items with a version added but not yet saved.</summary>
    public HashSet<string> UnsavedIds { get; } = new(StringComparer.Ordinal);

    /// <summary>Ids stored or declared in the current operation, not necessarily visible to a query yet.</summary>
    public HashSet<string> Pending { get; } = new(StringComparer.Ordinal);

    public async Task<string?> FindRouteOwnerAsync(string path, string exceptContentItemId, CancellationToken cancellationToken) =>
        UnsavedRoutes.TryGetValue(path, out var owner) && owner != exceptContentItemId
            ? owner
            : await _db.ContentItems.AsNoTracking()
                .Where(c => c.RoutePath == path && (c.Latest || c.Published) && c.ContentItemId != exceptContentItemId)
                .Select(c => c.ContentItemId)
                .FirstOrDefaultAsync(cancellationToken);

    public async Task<ContentItem?> FindLatestAsync(string contentItemId, CancellationToken cancellationToken)
    {
        if (UnsavedIds.Contains(contentItemId))
        {
            await _flush(cancellationToken);
        }

        var record = await _db.ContentItems.AsNoTracking().FirstOrDefaultAsync(c => c.ContentItemId == contentItemId && c.Latest, cancellationToken);
        return record is null ? null : ContentRecords.ToItem(record);
    }

    public async Task<IReadOnlyList<ContentItem>> FindReferrersAsync(string targetId, string path, string exceptContentItemId, CancellationToken cancellationToken)
    {
        if (UnsavedIds.Count > 0)
        {
            await _flush(cancellationToken);
        }

        var versions = _db.ContentReferences.Where(r => r.TargetId == targetId && r.Path == path).Select(r => r.ContentItemVersionId);
        var records = await _db.ContentItems.AsNoTracking()
            .Where(c => versions.Contains(c.ContentItemVersionId) && (c.Latest || c.Published) && c.ContentItemId != exceptContentItemId)
            .ToListAsync(cancellationToken);
        return records.ConvertAll(ContentRecords.ToItem);
    }

    public async Task<bool> ExistsAsync(string contentItemId, CancellationToken cancellationToken) =>
        Pending.Contains(contentItemId) || await _db.ContentItems.AnyAsync(c => c.ContentItemId == contentItemId, cancellationToken);
}
