namespace Cms.Recipes.Export;

/// <summary>What to export: the whole tenant, or only some content types or items (with the definitions they need).</summary>
public sealed record ExportOptions
{
    public IReadOnlyList<string> ContentTypes { get; init; } = [];

    public IReadOnlyList<string> ContentItemIds { get; init; } = [];

    /// <summary>Told after every content item and media file written, with the total counted before the first.</summary>
    public IProgress<Execution.RecipeProgress>? Progress { get; init; }

    public bool IsWholeTenant => ContentTypes.Count == 0 && ContentItemIds.Count == 0;
}
