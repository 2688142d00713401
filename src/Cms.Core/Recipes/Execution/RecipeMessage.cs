namespace Cms.Recipes.Execution;

/// <summary>One finding about a recipe: where (step index and JSON pointer) and what is wrong or was left out.</summary>
public sealed record RecipeMessage(int? Step, string Location, string Message)
{
    public override string ToString() => Location.Length == 0 ? Message : $"{Location}: {Message}";
}
