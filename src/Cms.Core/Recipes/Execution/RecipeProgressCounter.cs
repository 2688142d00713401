namespace Cms.Recipes.Execution;

/// <summary>Counts one pass's items as they are done and tells whoever watches; a nested recipe's items count in its parent's pass.</summary>
internal sealed class RecipeProgressCounter(IProgress<RecipeProgress>? watcher, RecipeProgressPhase phase, int? total)
{
    public int Done { get; private set; }

    public void Start() => watcher?.Report(new RecipeProgress(phase, Done, total));

    public void ItemDone()
    {
        Done++;
        watcher?.Report(new RecipeProgress(phase, Done, total));
    }
}
