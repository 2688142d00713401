using Cms.Recipes.Execution;

namespace Cms.Recipes.Background;

/// <summary>Keeps only the newest progress of an import; the status file is written from it once a second, not per item.</summary>
internal sealed class LatestProgress : IProgress<RecipeProgress>
{
    private RecipeProgress? _latest;

    public RecipeProgress? Latest => Volatile.Read(ref _latest);

    public void Report(RecipeProgress value) => Volatile.Write(ref _latest, value);
}
