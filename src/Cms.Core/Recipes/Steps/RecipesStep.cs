using System.Text.Json.Nodes;
using Cms.Recipes.Execution;

namespace Cms.Recipes.Steps;

/// <summary>
/// <c>recipes</c>: runs other recipes of this host by name, right after this step and in the same
/// transaction (the dispatcher reads them); names this host does not ship are named in a warning.
/// </summary>
internal sealed class RecipesStep : IRecipeStep
{
    private readonly RecipeCatalog _catalog;

    public RecipesStep(RecipeCatalog catalog)
    {
        _catalog = catalog;
    }

    public string Name => "recipes";

    public void Validate(RecipeStepContext step, RecipeValidation validation)
    {
        if (step.Property("Values") is not JsonArray values)
        {
            validation.Error(step.Index, step.PointerOf("Values"), "'Values' must be a list of { \"executionid\", \"name\" } entries.");
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            var pointer = $"{step.PointerOf("Values")}/{i}/name";
            if (values[i]?["name"] is not JsonValue v || !v.TryGetValue<string>(out var name) || name.Length == 0)
            {
                validation.Error(step.Index, pointer, "Each entry needs the name of a recipe.");
            }
            else if (_catalog.Find(name) is null)
            {
                validation.Unsupported(step.Index, pointer, $"The recipe '{name}' is not one this host has; it is skipped.");
            }
        }
    }

    public Task ApplyAsync(RecipeStepContext step, RecipeApplication application, CancellationToken cancellationToken) => Task.CompletedTask;
}
