using System.Text.Json.Nodes;
using Cms.Content.Definitions;
using Cms.Content.Handlers;
using Cms.Data;
using Cms.Modules;
using Microsoft.EntityFrameworkCore;

namespace Cms.Content;

/// <summary>
/// Reads and writes one tenant's content items and their versions. A draft and a published version
/// live side by side; publishing swaps the flags in one transaction, so readers never see half an edit.
/// A write is checked against the version the caller read, in the write itself (see ContentManager.Writes.cs).
/// </summary>
public sealed partial class ContentManager
{
    // New items of an import are saved in batches: one SaveChanges per item was a quarter of an import's time (measured).
    private const int ImportBatchSize = 100;

    private readonly TenantDbContext _db;
    private readonly IReadOnlyList<IContentHandler> _allHandlers;
    private IReadOnlyList<IContentHandler> _handlers;
    private readonly TimeProvider _time;
    private readonly ContentLookup _lookup;
    private readonly PreparedWork _prepared = new();
    private int _unsaved;

    internal ContentManager(TenantDbContext db, ContentDefinitions definitions, IReadOnlyList<IContentHandler> handlers, IReadOnlySet<string> features, TimeProvider time)
    {
        _db = db;
        Definitions = definitions;
        _allHandlers = handlers;
        _handlers = handlers.Running(features);
        _time = time;
        _lookup = new ContentLookup(db, FlushAsync);
    }

    public ContentDefinitions Definitions { get; }

    /// <summary>The work the handlers can do ahead for an item to be imported soon (see <see cref="IContentHandler.Prepare"/>); null when none.</summary>
    internal Action? Prepare(JsonObject item)
    {
        if (item["ContentType"] is not JsonValue name || !name.TryGetValue<string>(out var typeName) || Definitions.FindType(typeName) is not { } type)
        {
            return null;
        }

        Action? work = null;
        foreach (var handler in _handlers)
        {
            work += handler.Prepare(type, item, _prepared);
        }

        return work;
    }

    /// <summary>From now on, the handlers of these features run (an import's <c>feature</c> step turned some on or off).</summary>
    internal void RunFeatures(IReadOnlySet<string> features) => _handlers = _allHandlers.Running(features);

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

        return await StoreImportedAsync(version, cancellationToken);
    }

    // An import's version: the recipe says what is current, so the others are demoted without a check. The import holds
    // the tenant's write lock alone (see TenantWriteLock), so no save runs between its reads and its writes.
    private async Task<ContentResult> StoreImportedAsync(ContentItem version, CancellationToken cancellationToken)
    {
        var context = await RunHandlersAsync(version, isImport: true, cancellationToken);
        if (context.Errors.Count > 0)
        {
            return new ContentResult(null, context.Errors);
        }

        if (NewIds.Remove(version.ContentItemId))
        {
            // The first version of an item the store does not have: added to the batch, saved with it.
            var record = ContentRecords.ToRecord(version, context.Index, _db.TenantId);
            _db.ContentItems.Add(record);
            _db.PendingChange.RecordItem(version.ContentItemId);
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
        _db.PendingChange.RecordItem(version.ContentItemId);
        var others = _db.ContentItems.Where(c => c.ContentItemId == version.ContentItemId && c.ContentItemVersionId != version.ContentItemVersionId);
        if (version.Published)
        {
            await others.Where(c => c.Published).ExecuteUpdateAsync(s => s.SetProperty(c => c.Published, false).SetProperty(c => c.Revision, c => c.Revision + 1), cancellationToken);
        }

        if (version.Latest)
        {
            await others.Where(c => c.Latest).ExecuteUpdateAsync(s => s.SetProperty(c => c.Latest, false).SetProperty(c => c.Revision, c => c.Revision + 1), cancellationToken);
        }

        return await WriteVersionAsync(version, context.Index, cancellationToken);
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
