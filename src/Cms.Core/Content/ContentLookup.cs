using Cms.Content.Handlers;
using Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cms.Content;

/// <summary>Answers handlers' questions about other items from the tenant's store and the import under way.</summary>
internal sealed class ContentLookup : IContentLookup
{
    private readonly TenantDbContext _db;

    public ContentLookup(TenantDbContext db)
    {
        _db = db;
    }

    /// <summary>Ids stored or declared in the current operation, not necessarily visible to a query yet.</summary>
    public HashSet<string> Pending { get; } = new(StringComparer.Ordinal);

    public Task<string?> FindRouteOwnerAsync(string path, string exceptContentItemId, CancellationToken cancellationToken) =>
        _db.ContentItems.AsNoTracking()
            .Where(c => c.RoutePath == path && (c.Latest || c.Published) && c.ContentItemId != exceptContentItemId)
            .Select(c => c.ContentItemId)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<ContentItem?> FindLatestAsync(string contentItemId, CancellationToken cancellationToken)
    {
        var record = await _db.ContentItems.AsNoTracking().FirstOrDefaultAsync(c => c.ContentItemId == contentItemId && c.Latest, cancellationToken);
        return record is null ? null : ContentRecords.ToItem(record);
    }

    public async Task<bool> ExistsAsync(string contentItemId, CancellationToken cancellationToken) =>
        Pending.Contains(contentItemId) || await _db.ContentItems.AnyAsync(c => c.ContentItemId == contentItemId, cancellationToken);
}
