using Cms.Content.Definitions;
using Cms.Content.Handlers;
using Cms.Data;
using Cms.Modules;

namespace Cms.Content;

/// <summary>Opens a <see cref="ContentManager"/> over a tenant's database with every registered part and field handler.</summary>
internal sealed class ContentServices
{
    private readonly IReadOnlyList<IContentHandler> _handlers;
    private readonly TimeProvider _time;

    public ContentServices(IEnumerable<IContentHandler> handlers, TimeProvider time)
    {
        _handlers = handlers.ToArray();
        _time = time;
    }

    /// <summary>A content manager running the handlers of the tenant's features (and those no feature owns).</summary>
    public ContentManager Open(TenantDbContext db, ContentDefinitions definitions, IReadOnlySet<string> features) => new(db, definitions, _handlers, features, _time);

    /// <summary>
    /// The rules an import runs on an item (the handlers of these features; of every feature when null, as for a recipe
    /// checked without a site), run on a copy with <paramref name="lookup"/> answering about other items. Nothing is written.
    /// </summary>
    public Task<ContentSavingContext> CheckImportAsync(ContentItem item, ContentDefinitions definitions, IReadOnlySet<string>? features, IContentLookup lookup, CancellationToken cancellationToken) =>
        ContentManager.RunHandlersAsync(features is null ? _handlers : _handlers.Running(features), item.Clone(), definitions, lookup, isImport: true, cancellationToken, checkOnly: true);
}
