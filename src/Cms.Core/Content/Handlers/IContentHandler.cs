using System.Text.Json.Nodes;
using Cms.Content.Definitions;

namespace Cms.Content.Handlers;

/// <summary>
/// Part and field behaviour, run before a version is stored (save, publish, import): derive what is
/// derived (display text, route, rendered HTML, index values) and report what is wrong.
/// </summary>
public interface IContentHandler
{
    Task SavingAsync(ContentSavingContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Work that depends on nothing but the item's own data, done by an import on another thread while it stores the
    /// item before (a body rendered, say): <see cref="SavingAsync"/> still runs for the item and finds the result or
    /// does the work itself. Reads the item and the type's list of parts only, and never throws.
    /// </summary>
    void Prepare(ContentTypeDefinition type, JsonObject item)
    {
    }
}
