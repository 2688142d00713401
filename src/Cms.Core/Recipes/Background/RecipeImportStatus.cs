using Cms.Recipes.Execution;

namespace Cms.Recipes.Background;

/// <summary>An import running in the background, or its result: what its status page shows.</summary>
public sealed record RecipeImportStatus(
    string Id,
    string FileName,
    RecipeImportState State,
    RecipeProgressPhase Phase,
    int Done,
    int? Total,
    DateTimeOffset StartedUtc,
    DateTimeOffset? FinishedUtc,
    IReadOnlyDictionary<string, int> Counts,
    IReadOnlyList<RecipeMessage> Errors)
{
    public static RecipeImportStatus Started(string id, string fileName, DateTimeOffset now) =>
        new(id, fileName, RecipeImportState.Running, RecipeProgressPhase.Checking, 0, null, now, null, new Dictionary<string, int>(), []);
}
