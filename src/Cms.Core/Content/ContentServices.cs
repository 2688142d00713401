using Cms.Content.Definitions;
using Cms.Content.Handlers;
using Cms.Data;

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
}
