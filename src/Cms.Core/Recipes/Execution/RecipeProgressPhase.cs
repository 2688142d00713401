namespace Cms.Recipes.Execution;

/// <summary>Which pass a <see cref="RecipeProgress"/> is about.</summary>
public enum RecipeProgressPhase
{
    Checking,
    Applying,
    Exporting,
}
