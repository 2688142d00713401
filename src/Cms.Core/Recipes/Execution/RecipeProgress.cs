namespace Cms.Recipes.Execution;

/// <summary>
/// How far a long run has got: items (every entry of a step's data, and each media file exported) done so far, and how
/// many there are when that is known (the check counts them, so applying knows the total; an export counts first).
/// </summary>
public sealed record RecipeProgress(RecipeProgressPhase Phase, int Done, int? Total);
