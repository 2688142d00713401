using Cms.Content.Definitions;
using Cms.Content.Handlers;
using Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cms.Content;

/// <summary>
/// Reads and writes one tenant's content items and their versions. A draft and a published version
/// live side by side; publishing swaps the flags in one save, so readers never see half an edit.
/// </summary>
public sealed class ContentManager
{
    // New items of an import are saved in batches: one SaveChanges per item was a quarter of an import's time (measured).
    private const int ImportBatchSize = 100;

    private readonly TenantDbContext _db;
    private readonly IReadOnlyList<IContentHandler> _handlers;
    private readonly TimeProvider _time;
    private readonly ContentLookup _lookup;
    private int _unsaved;

    internal ContentManager(TenantDbContext db, ContentDefinitions definitions, IReadOnlyList<IContentHandler> handlers, TimeProvider time)
    {
        _db = db;
        Definitions = definitions;
        _handlers = handlers;
        _time = time;
        _lookup = new ContentLookup(db, FlushAsync);
    }

    public ContentDefinitions Definitions { get; }

    /// <summary>Items created earlier in the same import, so references to them are not dangling.</summary>
    internal ISet<string> PendingIds => _lookup.Pending;

    /// <summary>
    /// Items the caller knows the store does not have yet (an import checks the whole recipe first):
    /// their first version needs no lookups for older versions to demote or references to replace.
    /// </summary>
    internal ISet<string> NewIds { get; } = new HashSet<string>(StringComparer.Ordinal);

    public async Task<ContentItem?> GetAsync(string contentItemId, VersionOptions options, CancellationToken cancellationToken)
    {
        var query = _db.ContentItems.AsNoTracking().Where(c => c.ContentItemId == contentItemId);
        query = options switch
        {
            VersionOptions.Published => query.Where(c => c.Published),
            VersionOptions.Draft => query.Where(c => c.Latest && !c.Published),
            _ => query.Where(c => c.Latest),
        };
        var record = await query.FirstOrDefaultAsync(cancellationToken);
        return record is null ? null : ContentRecords.ToItem(record);
    }

    public async Task<IReadOnlyList<ContentItem>> VersionsAsync(string contentItemId, CancellationToken cancellationToken)
    {
        var records = await _db.ContentItems.AsNoTracking().Where(c => c.ContentItemId == contentItemId)
            .OrderBy(c => c.ModifiedUtc).ThenBy(c => c.ContentItemVersionId).ToListAsync(cancellationToken);
        return records.ConvertAll(ContentRecords.ToItem);
    }

    /// <summary>
    /// Items whose current version (latest or published) has every word of the query in its title or
    /// text, newest first. Words are matched whole, as a person types them; quotes and operators are not
    /// passed to the index.
    /// </summary>
    public async Task<IReadOnlyList<ContentItem>> SearchAsync(string query, int take, CancellationToken cancellationToken)
    {
        if (await MatchAsync(query, cancellationToken) is not { None: false } matches)
        {
            return [];
        }

        var records = await matches.Versions.AsNoTracking().Where(c => c.Latest || c.Published)
            .OrderByDescending(c => c.ModifiedUtc).Take(take).ToListAsync(cancellationToken);
        return records.DistinctBy(r => r.ContentItemId).Select(ContentRecords.ToItem).ToList();
    }

    /// <summary>The versions whose text has every word of the query, for the caller to filter, order and page; null when it has no words.</summary>
    internal Task<TextMatches?> MatchAsync(string query, CancellationToken cancellationToken) =>
        TextMatches.OpenAsync(_db, query, cancellationToken);

    /// <summary>Saves the item as its draft: a new version beside the published one, or the existing draft updated.</summary>
    public async Task<ContentResult> SaveDraftAsync(ContentItem item, string? author, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var draft = item.Clone();
        var published = await GetAsync(item.ContentItemId, VersionOptions.Published, cancellationToken);
        if (published is not null && published.ContentItemVersionId == draft.ContentItemVersionId && IsVersionable(draft))
        {
            draft.ContentItemVersionId = ContentIds.NewId();
        }

        draft.Latest = true;
        draft.Published = published is not null && published.ContentItemVersionId == draft.ContentItemVersionId;
        draft.CreatedUtc ??= now;
        draft.ModifiedUtc = now;
        draft.Author = author ?? draft.Author;
        return await StoreAsync(draft, cancellationToken);
    }

    /// <summary>Publishes the item's latest version (saving the given content first when it is passed).</summary>
    public async Task<ContentResult> PublishAsync(ContentItem item, string? author, CancellationToken cancellationToken)
    {
        var version = item.Clone();
        var now = _time.GetUtcNow();

        // Republishing edits of the published version makes a new version, as Orchard does, so history keeps the old one.
        if (await GetAsync(item.ContentItemId, VersionOptions.Published, cancellationToken) is { } published
            && published.ContentItemVersionId == version.ContentItemVersionId && IsVersionable(version))
        {
            version.ContentItemVersionId = ContentIds.NewId();
        }

        version.Latest = true;
        version.Published = true;
        version.CreatedUtc ??= now;
        version.ModifiedUtc = now;
        version.PublishedUtc = now;
        version.Author = author ?? version.Author;
        return await StoreAsync(version, cancellationToken);
    }

    /// <summary>Takes the item off the public site; its latest version stays as a draft.</summary>
    public async Task<bool> UnpublishAsync(string contentItemId, CancellationToken cancellationToken)
    {
        var changed = await _db.ContentItems.Where(c => c.ContentItemId == contentItemId && c.Published)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Published, false), cancellationToken);
        return changed > 0;
    }

    /// <summary>Drops the draft; the published version becomes the latest again.</summary>
    public async Task<bool> DiscardDraftAsync(string contentItemId, CancellationToken cancellationToken)
    {
        var draft = await _db.ContentItems.AsTracking().FirstOrDefaultAsync(c => c.ContentItemId == contentItemId && c.Latest && !c.Published, cancellationToken);
        var published = await _db.ContentItems.AsTracking().FirstOrDefaultAsync(c => c.ContentItemId == contentItemId && c.Published, cancellationToken);
        if (draft is null || published is null)
        {
            return false;
        }

        draft.Latest = false;
        published.Latest = true;
        await _db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Removes the item from the site and the admin, as Orchard does: its versions stay as history.</summary>
    public async Task<bool> DeleteAsync(string contentItemId, CancellationToken cancellationToken)
    {
        var changed = await _db.ContentItems.Where(c => c.ContentItemId == contentItemId && (c.Latest || c.Published))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Latest, false).SetProperty(c => c.Published, false), cancellationToken);
        return changed > 0;
    }

    /// <summary>
    /// Orchard's import: a version id already stored is updated when its content differs and skipped when
    /// not; a new published version demotes the others. A missing version id gets a stable one derived
    /// from the content, so importing the same recipe twice stores nothing twice.
    /// </summary>
    public async Task<ContentResult> ImportAsync(ContentItem item, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(item.ContentItemId))
        {
            return ContentResult.Fail("ContentItemId", "A content item needs a ContentItemId.");
        }

        var version = item.Clone();
        if (string.IsNullOrWhiteSpace(version.ContentItemVersionId))
        {
            version.ContentItemVersionId = ContentIds.Stable(version.ContentItemId + "\n" + Comparable(version));
        }

        var isNew = NewIds.Contains(version.ContentItemId);
        if (!isNew)
        {
            await FlushAsync(cancellationToken);
        }

        var stored = isNew
            ? null
            : await _db.ContentItems.AsNoTracking().FirstOrDefaultAsync(c => c.ContentItemVersionId == version.ContentItemVersionId, cancellationToken);
        if (stored is not null && stored.ContentItemId != version.ContentItemId)
        {
            return ContentResult.Fail("ContentItemVersionId", $"The version id '{version.ContentItemVersionId}' already belongs to item '{stored.ContentItemId}'.");
        }

        if (stored is not null && Comparable(ContentRecords.ToItem(stored)) == Comparable(version)
            && stored.Latest == version.Latest && stored.Published == version.Published)
        {
            _lookup.Pending.Add(version.ContentItemId);
            return new ContentResult(ContentRecords.ToItem(stored), [], Skipped: true);
        }

        return await StoreAsync(version, cancellationToken, isImport: true);
    }

    private async Task<ContentResult> StoreAsync(ContentItem version, CancellationToken cancellationToken, bool isImport = false)
    {
        var type = Definitions.FindType(version.ContentType) ?? new ContentTypeDefinition { Name = version.ContentType };
        var context = new ContentSavingContext(version, type, Definitions, _lookup) { IsImport = isImport };
        foreach (var handler in _handlers)
        {
            await handler.SavingAsync(context, cancellationToken);
        }

        if (context.Errors.Count > 0)
        {
            return new ContentResult(null, context.Errors);
        }

        var record = ContentRecords.ToRecord(version, context.Index, _db.TenantId);
        if (NewIds.Remove(version.ContentItemId))
        {
            // The first version of an item the store does not have: added to the batch, saved with it.
            _db.ContentItems.Add(record);
            AddReferences(version, context.Index);
            _lookup.Pending.Add(version.ContentItemId);
            _lookup.UnsavedIds.Add(version.ContentItemId);
            if (record.RoutePath is { } route)
            {
                _lookup.UnsavedRoutes[route] = version.ContentItemId;
            }

            if (++_unsaved >= ImportBatchSize)
            {
                await FlushAsync(cancellationToken);
            }

            return new ContentResult(version, []);
        }

        await FlushAsync(cancellationToken);
        await DemoteOthersAsync(version, cancellationToken);
        var existing = await _db.ContentItems.AsTracking().FirstOrDefaultAsync(c => c.ContentItemVersionId == version.ContentItemVersionId, cancellationToken);
        if (existing is null)
        {
            _db.ContentItems.Add(record);
        }
        else
        {
            _db.Entry(existing).CurrentValues.SetValues(record);
        }

        await _db.ContentReferences.Where(r => r.ContentItemVersionId == version.ContentItemVersionId).ExecuteDeleteAsync(cancellationToken);
        AddReferences(version, context.Index);
        await _db.SaveChangesAsync(cancellationToken);
        _db.ChangeTracker.Clear();
        _lookup.Pending.Add(version.ContentItemId);
        return new ContentResult(version, []);
    }

    /// <summary>
    /// Changes the JSON of an item's current versions (latest and published) in place, without a new version:
    /// for values no index or handler depends on, such as an article's place in its series when parts are reordered.
    /// </summary>
    public async Task<bool> PatchCurrentVersionsAsync(string contentItemId, Action<ContentItem> patch, CancellationToken cancellationToken)
    {
        var records = await _db.ContentItems.AsTracking().Where(c => c.ContentItemId == contentItemId && (c.Latest || c.Published)).ToListAsync(cancellationToken);
        foreach (var record in records)
        {
            var item = ContentRecords.ToItem(record);
            patch(item);
            var json = item.ToOrchardJson();
            json.Remove(nameof(ContentItem.Latest));
            json.Remove(nameof(ContentItem.Published));
            record.Json = json.ToJsonString();
        }

        await _db.SaveChangesAsync(cancellationToken);
        _db.ChangeTracker.Clear();
        return records.Count > 0;
    }

    /// <summary>Saves the versions an import has batched; the import calls it before it commits.</summary>
    internal async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_unsaved == 0)
        {
            return;
        }

        await _db.SaveChangesAsync(cancellationToken);
        _db.ChangeTracker.Clear();
        _lookup.UnsavedIds.Clear();
        _lookup.UnsavedRoutes.Clear();
        _unsaved = 0;
    }

    private void AddReferences(ContentItem version, ContentIndexValues index) =>
        _db.ContentReferences.AddRange(index.References.Distinct().Select(r => new ContentReferenceRecord
        {
            TenantId = _db.TenantId,
            ContentItemVersionId = version.ContentItemVersionId,
            Path = r.Path,
            TargetId = r.TargetId,
        }));

    // Only one published and one latest version per item.
    private async Task DemoteOthersAsync(ContentItem version, CancellationToken cancellationToken)
    {
        var others = _db.ContentItems.Where(c => c.ContentItemId == version.ContentItemId && c.ContentItemVersionId != version.ContentItemVersionId);
        if (version.Published && version.Latest)
        {
            await others.Where(c => c.Published || c.Latest).ExecuteUpdateAsync(s => s.SetProperty(c => c.Published, false).SetProperty(c => c.Latest, false), cancellationToken);
            return;
        }

        if (version.Published)
        {
            await others.Where(c => c.Published).ExecuteUpdateAsync(s => s.SetProperty(c => c.Published, false), cancellationToken);
        }

        if (version.Latest)
        {
            await others.Where(c => c.Latest).ExecuteUpdateAsync(s => s.SetProperty(c => c.Latest, false), cancellationToken);
        }
    }

    private bool IsVersionable(ContentItem item) =>
        Definitions.FindType(item.ContentType) is not { } type || type.Setting("Versionable") || type.Setting("Draftable");

    // What two versions are compared by: everything but the flags and the version id.
    private static string Comparable(ContentItem item)
    {
        var json = item.ToOrchardJson();
        json.Remove(nameof(ContentItem.Latest));
        json.Remove(nameof(ContentItem.Published));
        json.Remove(nameof(ContentItem.ContentItemVersionId));
        return json.ToJsonString();
    }
}
