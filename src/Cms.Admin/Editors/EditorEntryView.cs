using Cms.Content.Handlers;

namespace Cms.Admin.Editors;

/// <summary>What the editor partial renders for one entry: the entry, its errors and, for a picker, the items to pick from.</summary>
public sealed record EditorEntryView(EditorEntry Entry, IReadOnlyList<ContentError> Errors, IReadOnlyList<ContentChoice> Choices)
{
    /// <summary>For a bag: the items to pick from of the pickers of the items inside, by input name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ContentChoice>> ChoicesByName { get; init; } = new Dictionary<string, IReadOnlyList<ContentChoice>>();

    /// <summary>For a bag: the id of the item to focus after adding or moving one.</summary>
    public string? FocusId { get; init; }

    /// <summary>The view of an editor of an item inside a bag, with its own errors and choices.</summary>
    public EditorEntryView Inner(EditorEntry inner) => new(
        inner,
        Errors.Where(e => e.Path == inner.Name || e.Path.StartsWith(inner.Name + ".", StringComparison.Ordinal)).ToList(),
        ChoicesByName.GetValueOrDefault(inner.Name) ?? []);
}
