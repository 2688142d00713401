using Cms.Content.Definitions;
using Cms.Content.Handlers;
using Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cms.Content;

// The writes. Each is one transaction that checks in the write itself that the item's current version is still the one
// the caller read: a conditional UPDATE of that row ("claim") that must change exactly one row, before anything else is
// written. The partial unique indexes (one current, at most one published version per item) are the last wall, and
// their refusal is answered the same way. So writers racing on one item, on any node, each either succeed on top of the
// others or are told that someone else saved; none is acknowledged and then lost.
public sealed partial class ContentManager
{
    // A renumbering of a series that keeps meeting saves of the same item gives up after this many tries.
    private const int PatchAttempts = 3;

    /// <summary>
    /// Saves the item as its draft: a new version beside the published one, or the existing draft updated. Refused
    /// (<see cref="ContentResult.Conflict"/>) when the item was read from the store and has changed since.
    /// </summary>
    public Task<ContentResult> SaveDraftAsync(ContentItem item, string? author, CancellationToken cancellationToken) =>
        WriteAsync(item, publish: false, author, cancellationToken);

    /// <summary>Publishes the item's latest version (saving the given content first when it is passed); refused as a draft is.</summary>
    public Task<ContentResult> PublishAsync(ContentItem item, string? author, CancellationToken cancellationToken) =>
        WriteAsync(item, publish: true, author, cancellationToken);

    /// <summary>Takes the item off the public site; its latest version stays as a draft. Refused when it changed since it was read.</summary>
    public Task<ContentResult> UnpublishAsync(ContentItem item, CancellationToken cancellationToken) =>
        InWriteTransactionAsync(item.ContentItemId, async () =>
        {
            var (latest, published) = await CurrentAsync(item.ContentItemId, cancellationToken);
            if (!BuildsOn(item, latest) || (latest is not null && !await ClaimAsync(latest, stillLatest: true, cancellationToken)))
            {
                return await StaleAsync(item.ContentItemId, cancellationToken);
            }

            if (published is not null)
            {
                _db.PendingChange.RecordItem(item.ContentItemId);
                await _db.ContentItems.Where(c => c.ContentItemId == item.ContentItemId && c.Published)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Published, false).SetProperty(c => c.Revision, c => c.Revision + 1), cancellationToken);
            }

            return new ContentResult(null, [], Skipped: published is null);
        }, cancellationToken);

    /// <summary>Drops the draft; the published version becomes the latest again. Refused when the draft changed since it was read.</summary>
    public Task<ContentResult> DiscardDraftAsync(ContentItem item, CancellationToken cancellationToken) =>
        InWriteTransactionAsync(item.ContentItemId, async () =>
        {
            var (latest, published) = await CurrentAsync(item.ContentItemId, cancellationToken);
            if (!BuildsOn(item, latest))
            {
                return await StaleAsync(item.ContentItemId, cancellationToken);
            }

            if (latest is not { Published: false } draft || published is null)
            {
                return new ContentResult(null, [], Skipped: true);
            }

            if (!await ClaimAsync(draft, stillLatest: false, cancellationToken))
            {
                return await StaleAsync(item.ContentItemId, cancellationToken);
            }

            _db.PendingChange.RecordItem(item.ContentItemId);
            await _db.ContentItems.Where(c => c.ContentItemVersionId == published.ContentItemVersionId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Latest, true).SetProperty(c => c.Revision, c => c.Revision + 1), cancellationToken);
            return new ContentResult(null, []);
        }, cancellationToken);

    /// <summary>Removes the item from the site and the admin, as Orchard does: its versions stay as history.</summary>
    public async Task<bool> DeleteAsync(string contentItemId, CancellationToken cancellationToken)
    {
        var result = await InWriteTransactionAsync(contentItemId, async () =>
        {
            var changed = await _db.ContentItems.Where(c => c.ContentItemId == contentItemId && (c.Latest || c.Published))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Latest, false).SetProperty(c => c.Published, false).SetProperty(c => c.Revision, c => c.Revision + 1), cancellationToken);
            if (changed > 0)
            {
                _db.PendingChange.RecordItem(contentItemId);
            }

            return new ContentResult(null, [], Skipped: changed == 0);
        }, cancellationToken);
        return result is { Succeeded: true, Skipped: false };
    }

    /// <summary>
    /// Changes the JSON of an item's current versions (latest and published) in place, without a new version: for
    /// values no index or handler depends on, such as an article's place in its series when parts are reordered. Each
    /// row is written only if no one changed it since it was read; otherwise the patch is applied again to what is there.
    /// </summary>
    public async Task<bool> PatchCurrentVersionsAsync(string contentItemId, Action<ContentItem> patch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await InWriteTransactionAsync(contentItemId, async () =>
            {
                var records = await _db.ContentItems.AsNoTracking().Where(c => c.ContentItemId == contentItemId && (c.Latest || c.Published)).ToListAsync(cancellationToken);
                foreach (var record in records)
                {
                    var item = ContentRecords.ToItem(record);
                    patch(item);
                    var json = item.ToOrchardJson();
                    json.Remove(nameof(ContentItem.Latest));
                    json.Remove(nameof(ContentItem.Published));
                    var text = json.ToJsonString();
                    var written = await _db.ContentItems.Where(c => c.ContentItemVersionId == record.ContentItemVersionId && c.Revision == record.Revision)
                        .ExecuteUpdateAsync(s => s.SetProperty(c => c.Json, text).SetProperty(c => c.Revision, c => c.Revision + 1), cancellationToken);
                    if (written == 0)
                    {
                        return ContentResult.Stale(null);
                    }

                    _db.PendingChange.RecordItem(contentItemId);
                }

                return new ContentResult(null, [], Skipped: records.Count == 0);
            }, cancellationToken);
            if (!result.Conflict || attempt == PatchAttempts)
            {
                return result is { Succeeded: true, Skipped: false };
            }
        }
    }

    private Task<ContentResult> WriteAsync(ContentItem item, bool publish, string? author, CancellationToken cancellationToken) =>
        InWriteTransactionAsync(item.ContentItemId, async () =>
        {
            var (latest, published) = await CurrentAsync(item.ContentItemId, cancellationToken);
            if (!BuildsOn(item, latest))
            {
                return ContentResult.Stale(latest is null ? null : ContentRecords.ToItem(latest));
            }

            var now = _time.GetUtcNow();
            var version = item.Clone();

            // Edits of the published version make a new version, as Orchard does, so history keeps the old one.
            if (published is not null && published.ContentItemVersionId == version.ContentItemVersionId && IsVersionable(version))
            {
                version.ContentItemVersionId = ContentIds.NewId();
            }

            version.Latest = true;
            version.Published = publish || published?.ContentItemVersionId == version.ContentItemVersionId;
            version.CreatedUtc ??= now;
            version.ModifiedUtc = now;
            if (publish)
            {
                version.PublishedUtc = now;
            }

            version.Author = author ?? version.Author;
            return await StoreCheckedAsync(version, latest, cancellationToken);
        }, cancellationToken);

    // A save or publish: the version it replaces is claimed first, then the old published version demoted, then it is written.
    private async Task<ContentResult> StoreCheckedAsync(ContentItem version, ContentItemRecord? replaces, CancellationToken cancellationToken)
    {
        var context = await RunHandlersAsync(version, isImport: false, cancellationToken);
        if (context.Errors.Count > 0)
        {
            return new ContentResult(null, context.Errors);
        }

        if (replaces is not null && !await ClaimAsync(replaces, stillLatest: replaces.ContentItemVersionId == version.ContentItemVersionId, cancellationToken))
        {
            return await StaleAsync(version.ContentItemId, cancellationToken);
        }

        // A draft beside the published version changes nothing the site shows, and rebuilding the site for it would cost a
        // big practice's next page seconds: only a published version is a change.
        if (version.Published)
        {
            _db.PendingChange.RecordItem(version.ContentItemId);
            await _db.ContentItems.Where(c => c.ContentItemId == version.ContentItemId && c.Published && c.ContentItemVersionId != version.ContentItemVersionId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Published, false).SetProperty(c => c.Revision, c => c.Revision + 1), cancellationToken);
        }

        return await WriteVersionAsync(version, context.Index, cancellationToken);
    }

    /// <summary>
    /// The content rules of the tenant's features run on an item kept outside the content store (a site's custom
    /// settings): what they derive is set on the item, what is wrong is returned, nothing is written.
    /// </summary>
    public async Task<IReadOnlyList<ContentError>> CheckAsync(ContentItem item, CancellationToken cancellationToken) =>
        (await RunHandlersAsync(item, isImport: false, cancellationToken)).Errors;

    private Task<ContentSavingContext> RunHandlersAsync(ContentItem version, bool isImport, CancellationToken cancellationToken) =>
        RunHandlersAsync(_handlers, version, Definitions, _lookup, isImport, cancellationToken, prepared: isImport ? _prepared : null);

    /// <summary>The content rules, in one place for a write and for a recipe's check (<see cref="ContentServices.CheckImportAsync"/>).</summary>
    internal static async Task<ContentSavingContext> RunHandlersAsync(
        IReadOnlyList<IContentHandler> handlers, ContentItem version, ContentDefinitions definitions, IContentLookup lookup, bool isImport, CancellationToken cancellationToken, bool checkOnly = false, PreparedWork? prepared = null)
    {
        var type = definitions.FindType(version.ContentType) ?? new ContentTypeDefinition { Name = version.ContentType };
        var context = new ContentSavingContext(version, type, definitions, lookup) { IsImport = isImport, IsCheckOnly = checkOnly, Prepared = prepared };
        foreach (var handler in handlers)
        {
            await handler.SavingAsync(context, cancellationToken);
        }

        return context;
    }

    // The version's row (new, or the stored one changed in place) and its references, saved together.
    private async Task<ContentResult> WriteVersionAsync(ContentItem version, ContentIndexValues index, CancellationToken cancellationToken)
    {
        var record = ContentRecords.ToRecord(version, index, _db.TenantId);
        var existing = await _db.ContentItems.AsTracking().FirstOrDefaultAsync(c => c.ContentItemVersionId == version.ContentItemVersionId, cancellationToken);
        if (existing is null)
        {
            _db.ContentItems.Add(record);
        }
        else
        {
            record.Revision = existing.Revision + 1;
            _db.Entry(existing).CurrentValues.SetValues(record);
        }

        await _db.ContentReferences.Where(r => r.ContentItemVersionId == version.ContentItemVersionId).ExecuteDeleteAsync(cancellationToken);
        AddReferences(version, index);
        await _db.SaveChangesAsync(cancellationToken);
        _db.ChangeTracker.Clear();
        _lookup.Pending.Add(version.ContentItemId);
        version.Stored = new ContentVersionStamp(version.ContentItemVersionId, record.Revision);
        return new ContentResult(version, []);
    }

    // The serialization point of a write: the current version is still the one read, at the revision read. On PostgreSQL a
    // second writer's UPDATE waits for the first one's commit and then matches nothing; on SQLite writers take turns.
    private async Task<bool> ClaimAsync(ContentItemRecord latest, bool stillLatest, CancellationToken cancellationToken) =>
        await _db.ContentItems.Where(c => c.ContentItemVersionId == latest.ContentItemVersionId && c.Latest && c.Revision == latest.Revision)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Latest, stillLatest).SetProperty(c => c.Revision, c => c.Revision + 1), cancellationToken) == 1;

    // A version read from the store must still be the item's current one, as it was read; an item not read from the
    // store (new, or a copy such as a restored version) builds on whatever is current.
    private static bool BuildsOn(ContentItem item, ContentItemRecord? latest) =>
        item.Stored is not { } stored || (latest is not null && latest.ContentItemVersionId == stored.ContentItemVersionId && latest.Revision == stored.Revision);

    private async Task<(ContentItemRecord? Latest, ContentItemRecord? Published)> CurrentAsync(string contentItemId, CancellationToken cancellationToken)
    {
        var rows = await _db.ContentItems.AsNoTracking().Where(c => c.ContentItemId == contentItemId && (c.Latest || c.Published)).ToListAsync(cancellationToken);
        return (rows.FirstOrDefault(r => r.Latest), rows.FirstOrDefault(r => r.Published));
    }

    private async Task<ContentResult> StaleAsync(string contentItemId, CancellationToken cancellationToken) =>
        ContentResult.Stale(await GetAsync(contentItemId, VersionOptions.Latest, cancellationToken));

    // One transaction sharing the tenant's write lock (an import under way is waited for), committed only when the write
    // succeeded. Inside the caller's transaction (a series renumbered at once) the caller commits or rolls back the whole.
    private async Task<ContentResult> InWriteTransactionAsync(string contentItemId, Func<Task<ContentResult>> write, CancellationToken cancellationToken)
    {
        if (_db.Database.CurrentTransaction is not null)
        {
            await TenantWriteLock.ShareAsync(_db, cancellationToken);
            return await write();
        }

        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await TenantWriteLock.ShareAsync(_db, cancellationToken);
            var result = await write();
            if (result.Succeeded)
            {
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                await transaction.RollbackAsync(cancellationToken);
            }

            return result;
        }
        catch (Exception e) when (UniqueViolation.Is(e))
        {
            // Another writer made a current or published version of the item first (e.g. both created it): the same answer as a stale save.
            await transaction.RollbackAsync(CancellationToken.None);
            _db.ChangeTracker.Clear();
            return await StaleAsync(contentItemId, cancellationToken);
        }
        finally
        {
            _db.ChangeTracker.Clear();
        }
    }
}
