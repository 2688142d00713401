using System.Text.Json.Nodes;
using Cms.Recipes.Expressions;

namespace Cms.Recipes.Execution;

/// <summary>
/// What both passes over a recipe share: the step handlers, how expressions are made (given the recipe's variables,
/// its folder and where to report what they cannot do), the recipes a <c>recipes</c> step may name, and the count of
/// items done, nested recipes included.
/// </summary>
internal sealed record RecipeRun(
    IReadOnlyDictionary<string, IRecipeStep> Steps,
    Func<JsonObject?, string?, Action<string>, RecipeExpressions> ExpressionsFor,
    Func<string, RecipeDescriptor?> FindRecipe,
    Schema.RecipeSchema Schema,
    RecipeProgressCounter Progress);
