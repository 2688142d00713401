using System.Text.Json.Nodes;
using Cms.Recipes.Expressions;

namespace Cms.Recipes.Execution;

/// <summary>What both passes over a recipe share: the step handlers, how expressions are made, and the recipes a <c>recipes</c> step may name.</summary>
internal sealed record RecipeRun(
    IReadOnlyDictionary<string, IRecipeStep> Steps,
    Func<JsonObject?, Action<string>, RecipeExpressions> ExpressionsFor,
    Func<string, RecipeDescriptor?> FindRecipe,
    Schema.RecipeSchema Schema);
