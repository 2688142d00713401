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
    /// For an item an import will store soon: reads what it needs of the item and the type (on the import's thread) and
    /// returns work that needs nothing else (a body rendered, say), which runs on another thread while the item before is
    /// stored; null when there is none. The work keeps its result in <paramref name="prepared"/>, where
    /// <see cref="SavingAsync"/> finds it (<see cref="ContentSavingContext.Prepared"/>) or does the work itself.
    /// </summary>
    Action? Prepare(ContentTypeDefinition type, JsonObject item, PreparedWork prepared) => null;
}
