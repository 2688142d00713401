using System.Text.Json.Nodes;

namespace Cms.Recipes.Execution;

/// <summary>
/// A step as the handlers see it: expressions already evaluated, its data array streamed apart, and the files its
/// recipe may read.
/// </summary>
internal sealed record RecipeStepContext(int Index, string Name, JsonObject Step, RecipeFiles Files, string Prefix = "")
{
    /// <summary>Where the step is; a recipe run by a <c>recipes</c> step has its steps under that step's entry.</summary>
    public string Pointer => $"{Prefix}/steps/{Index}";

    public string PointerOf(string property) => $"{Pointer}/{property}";

    /// <summary>A property matched case-insensitively, as Orchard binds step models.</summary>
    public JsonNode? Property(string name) => Step.Find(name);
}
