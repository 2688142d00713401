using Cms.Content.Definitions;
using Cms.Tenancy;

namespace Cms.Recipes.Execution;

/// <summary>The first pass over a recipe: every problem collected, nothing written.</summary>
internal sealed class RecipeValidation
{
    private readonly bool _strict;
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly HashSet<string> _errorPlaces = new(StringComparer.Ordinal);

    // Where each item and each version was first given, to name both places when one comes again; a place rather
    // than its pointer's text, as an import of 100,000 items keeps one per item.
    private readonly Dictionary<string, (ItemPlace Place, bool Versioned)> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ItemPlace> _versions = new(StringComparer.Ordinal);

    public RecipeValidation(ContentDefinitions definitions, bool strict)
    {
        Definitions = definitions;
        _strict = strict;
    }

    /// <summary>The features on for the tenant the recipe is checked against; null when it is checked on its own.</summary>
    public IReadOnlySet<string>? Features { get; set; }

    /// <summary>The modules of this host, whose parts have behaviour where their feature is on.</summary>
    public IReadOnlyList<Modules.ModuleFeature> Modules { get; init; } = [];

    /// <summary>Whether a module gives this part behaviour on the tenant (on any tenant, when the recipe is checked on its own).</summary>
    public bool IsModulePart(string part) => Modules.Any(m => (Features?.Contains(m.Id) ?? true) && m.Parts.Contains(part));

    /// <summary>The tenant's definitions with the recipe's definition steps applied so far.</summary>
    public ContentDefinitions Definitions { get; }

    /// <summary>The content rules the import runs, run on each item in this pass; null where items are not checked.</summary>
    public RecipeContentCheck? Content { get; set; }

    public List<RecipeMessage> Errors { get; } = [];

    public List<RecipeMessage> Warnings { get; } = [];

    /// <summary>Item ids the recipe declares, so references between its items are not dangling.</summary>
    public IReadOnlyCollection<string> DeclaredIds => _items.Keys;

    public bool Declares(string id) => _items.ContainsKey(id);

    /// <summary>References to check once every item has been seen.</summary>
    public List<(int Step, string Pointer, string TargetId)> References { get; } = [];

    /// <summary>
    /// Checks a step leaves for the site the recipe goes into (a trial render of its templates over the site's content),
    /// run once the whole recipe has been read and before anything is written; they report through <see cref="Error"/>.
    /// A recipe checked on its own, without a site, skips them.
    /// </summary>
    public List<Func<TenantSettings, CancellationToken, Task>> SiteChecks { get; } = [];

    /// <summary>
    /// An item of a content step. An item may come more than once only as different versions (a published one and a
    /// draft, as an export writes them), each with its own ContentItemVersionId; otherwise the later one silently
    /// replaced the earlier, and two entries of one version made the import fail with an exception.
    /// </summary>
    public void Declare(RecipeStepContext step, int itemIndex, string id, string? versionId)
    {
        var place = new ItemPlace(step.Prefix, step.Index, itemIndex);
        if (versionId is not null && !_versions.TryAdd(versionId, place))
        {
            Error(step.Index, $"{place}/ContentItemVersionId", $"The version '{versionId}' is already given at {_versions[versionId]}; each version may appear once.");
        }
        else if (_items.TryGetValue(id, out var first) && (!first.Versioned || versionId is null))
        {
            Error(step.Index, $"{place}/ContentItemId", $"The item '{id}' is already given at {first.Place}; an item may appear more than once only as different versions, each with its own ContentItemVersionId.");
        }

        _items.TryAdd(id, (place, versionId is not null));
    }

    /// <summary>One message per place: the schema and a step's own checks may both see the same problem.</summary>
    public void Error(int? step, string pointer, string message)
    {
        // A set, not a search of the list: a recipe of 100,000 bad items has as many errors.
        if (_errorPlaces.Add(pointer))
        {
            Errors.Add(new RecipeMessage(step, pointer, message));
        }
    }

    /// <summary>
    /// Like <see cref="Unsupported"/>, but said once per key: a recipe of 100,000 items of an unknown type
    /// gets one warning, at the first of them, not 100,000.
    /// </summary>
    public void UnsupportedOnce(string key, int? step, string pointer, string message)
    {
        if (_reported.Add(key))
        {
            Unsupported(step, pointer, message);
        }
    }

    /// <summary>Something the recipe holds that this host does not support: a warning, or an error under --strict.</summary>
    public void Unsupported(int? step, string pointer, string message)
    {
        if (_strict)
        {
            Error(step, pointer, message);
        }
        else
        {
            Warnings.Add(new RecipeMessage(step, pointer, message));
        }
    }

    /// <summary>A content item's place in the recipe; written as its JSON pointer.</summary>
    private readonly record struct ItemPlace(string Prefix, int Step, int Item)
    {
        public override string ToString() => $"{Prefix}/steps/{Step}/data/{Item}";
    }
}
