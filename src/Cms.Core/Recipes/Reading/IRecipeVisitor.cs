using System.Text.Json.Nodes;

namespace Cms.Recipes.Reading;

/// <summary>
/// Receives a recipe from <see cref="RecipeReader"/> piece by piece, in file order, so a caller can act on
/// (or stop at) each content item without the reader ever holding a whole <c>data</c> array.
/// Calls for one recipe: <see cref="OnHeaderAsync"/> once, then per step <see cref="OnStepAsync"/>, its
/// <see cref="OnStepItemAsync"/> calls and <see cref="OnStepEndAsync"/>, then <see cref="OnTrailingHeaderAsync"/>
/// if some top-level properties come after <c>steps</c>. Throwing (or cancelling) stops the read; the exception
/// reaches the caller unchanged.
/// </summary>
internal interface IRecipeVisitor
{
    /// <summary>
    /// The top-level properties that precede <c>steps</c> in the file (name, displayName, issetuprecipe,
    /// variables, ...), before the first step. Called exactly once, with an empty object if there are none; when
    /// the file has no <c>steps</c>, called at the end with every top-level property.
    /// </summary>
    ValueTask OnHeaderAsync(JsonObject header, CancellationToken ct);

    /// <summary>
    /// A step with every property except its streamed <c>data</c> array (key matched case-insensitively).
    /// When the step's <c>name</c> precedes <c>data</c> in the file, this comes as soon as <c>data</c> starts, and
    /// properties that follow <c>data</c> are added to this same object before <see cref="OnStepEndAsync"/>.
    /// When <c>data</c> precedes <c>name</c>, its items are buffered and delivered after this call, which then
    /// carries the complete step.
    /// </summary>
    ValueTask OnStepAsync(int index, JsonObject step, CancellationToken ct);

    /// <summary>One element of the step's <c>data</c> array, in order; <paramref name="itemIndex"/> is its position in the array.</summary>
    ValueTask OnStepItemAsync(int index, int itemIndex, JsonNode? item, CancellationToken ct);

    ValueTask OnStepEndAsync(int index, CancellationToken ct);

    /// <summary>Top-level properties that come after <c>steps</c> in the file; called once at the end, only if there are any.</summary>
    ValueTask OnTrailingHeaderAsync(JsonObject header, CancellationToken ct);
}
