namespace Cms.Recipes.Execution;

/// <summary>What a recipe run found and did. With any error nothing was written.</summary>
public sealed record RecipeResult(IReadOnlyList<RecipeMessage> Errors, IReadOnlyList<RecipeMessage> Warnings, bool Applied, IReadOnlyDictionary<string, int> Counts)
{
    public bool Succeeded => Errors.Count == 0;
}
