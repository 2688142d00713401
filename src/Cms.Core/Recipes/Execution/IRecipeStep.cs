using System.Text.Json.Nodes;

namespace Cms.Recipes.Execution;

/// <summary>One recipe step, matched by name case-insensitively as Orchard does: checked in full first, then applied.</summary>
internal interface IRecipeStep
{
    /// <summary>The step's name; aliases (e.g. "Settings" for "settings") match through the case rule.</summary>
    string Name { get; }

    void Validate(RecipeStepContext step, RecipeValidation validation);

    Task ApplyAsync(RecipeStepContext step, RecipeApplication application, CancellationToken cancellationToken);

    /// <summary>Items of the step's streamed <c>data</c> array, one at a time.</summary>
    void ValidateItem(RecipeStepContext step, int itemIndex, JsonNode? item, RecipeValidation validation)
    {
        validation.Unsupported(step.Index, $"{step.Pointer}/data/{itemIndex}", $"The step '{step.Name}' takes no data items; item ignored.");
    }

    Task ApplyItemAsync(RecipeStepContext step, int itemIndex, JsonNode? item, RecipeApplication application, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>
    /// Reads what it needs of an item (on the pass's thread) and returns work that needs nothing else, which runs on
    /// another thread while the item before is applied; null when there is none. Writes nothing: <see cref="ApplyItemAsync"/>
    /// still runs for the item.
    /// </summary>
    Action? PrepareItem(JsonNode item, RecipeApplication application) => null;
}
