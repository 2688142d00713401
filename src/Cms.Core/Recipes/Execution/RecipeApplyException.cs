namespace Cms.Recipes.Execution;

/// <summary>A step refused while applying: the whole recipe is rolled back and these are reported.</summary>
internal sealed class RecipeApplyException : Exception
{
    public RecipeApplyException(IReadOnlyList<RecipeMessage> errors)
        : base(string.Join(" ", errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<RecipeMessage> Errors { get; }
}
