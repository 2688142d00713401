using System.Text.Json.Nodes;
using Cms.Content;
using Cms.Content.Handlers;

namespace Cms.Recipes.Execution;

/// <summary>
/// A check of a recipe (<c>recipes validate</c>, <c>--dry-run</c>, the admin's check) runs on each item the content rules
/// the import runs (types, required fields, part rules such as a series' part numbers: the handlers of the features on at
/// that point), so a recipe that passes its check does not fail to apply. Other items are answered from the practice's
/// store (none when the recipe is checked on its own) and from the items of the recipe checked so far. Of those it keeps
/// only their routes and, for a picker path a rule asked about, the part that picks: never whole items, so a
/// 100,000-item check still streams.
/// </summary>
internal sealed class RecipeContentCheck : IContentLookup
{
    private readonly ContentServices _content;
    private readonly RecipeValidation _validation;
    private readonly IContentLookup? _stored;
    private readonly Dictionary<string, string> _routes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _askedPaths = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Target, string Path), List<ContentItem>> _referrers = [];

    public RecipeContentCheck(ContentServices content, RecipeValidation validation, IContentLookup? stored)
    {
        _content = content;
        _validation = validation;
        _stored = stored;
    }

    /// <summary>Every problem the rules find in the item, each at its JSON pointer, as an import would report it.</summary>
    public async Task CheckAsync(RecipeStepContext step, int itemIndex, JsonObject data, CancellationToken cancellationToken)
    {
        var item = new ContentItem(data);
        if (_validation.Definitions.FindType(item.ContentType) is null)
        {
            return;
        }

        var context = await _content.CheckImportAsync(item, _validation.Definitions, _validation.Features, this, cancellationToken);
        var pointer = $"{step.Pointer}/data/{itemIndex}";
        foreach (var error in context.Errors)
        {
            _validation.Error(step.Index, $"{pointer}/{error.Path.Replace('.', '/')}", error.Message);
        }

        Remember(context);
    }

    public async Task<string?> FindRouteOwnerAsync(string path, string exceptContentItemId, CancellationToken cancellationToken) =>
        _routes.TryGetValue(path, out var owner) && owner != exceptContentItemId
            ? owner
            : _stored is null ? null : await _stored.FindRouteOwnerAsync(path, exceptContentItemId, cancellationToken);

    // Whether a picked item exists is known only once the whole recipe is read (it may come later in it): the executor's
    // reference check reports those, against the recipe and the store.
    public Task<bool> ExistsAsync(string contentItemId, CancellationToken cancellationToken) => Task.FromResult(true);

    public async Task<IReadOnlyList<ContentItem>> FindReferrersAsync(string targetId, string path, string exceptContentItemId, CancellationToken cancellationToken)
    {
        _askedPaths.Add(path);
        var fromRecipe = _referrers.TryGetValue((targetId, path), out var seen) ? seen.Where(i => i.ContentItemId != exceptContentItemId) : [];

        // A stored item the recipe has already given is replaced by the recipe's version, which answers for it.
        var stored = _stored is null ? [] : await _stored.FindReferrersAsync(targetId, path, exceptContentItemId, cancellationToken);
        return fromRecipe.Concat(stored.Where(i => !_validation.Declares(i.ContentItemId))).ToList();
    }

    public Task<ContentItem?> FindLatestAsync(string contentItemId, CancellationToken cancellationToken) =>
        _stored?.FindLatestAsync(contentItemId, cancellationToken) ?? Task.FromResult<ContentItem?>(null);

    private void Remember(ContentSavingContext context)
    {
        var id = context.Item.ContentItemId;
        if (context.Index.RoutePath is { } route)
        {
            _routes[route] = id;
        }

        foreach (var (path, target) in context.Index.References.Where(r => _askedPaths.Contains(r.Path)))
        {
            var list = _referrers.TryGetValue((target, path), out var found) ? found : _referrers[(target, path)] = [];
            list.RemoveAll(i => i.ContentItemId == id);
            var part = path.Split('.')[0];
            list.Add(new ContentItem(new JsonObject
            {
                ["ContentItemId"] = id,
                ["ContentType"] = context.Item.ContentType,
                ["DisplayText"] = context.Item.DisplayText,
                [part] = context.Item.Data[part]?.DeepClone(),
            }));
        }
    }
}
