using System.Text.Json.Nodes;
using Cms.Recipes.Expressions;

namespace Cms.Recipes.Execution;

/// <summary>The first pass: checks every step and item, writes nothing.</summary>
internal sealed class ValidatingVisitor : RecipeStepDispatcher
{
    private readonly RecipeValidation _validation;

    public ValidatingVisitor(IReadOnlyDictionary<string, IRecipeStep> steps, Func<JsonObject?, Action<string>, RecipeExpressions> expressionsFor, RecipeValidation validation)
        : base(steps, expressionsFor)
    {
        _validation = validation;
    }

    public int Steps { get; private set; }

    protected override ValueTask OnStepAsync(RecipeStepContext step, IRecipeStep? handler, CancellationToken ct)
    {
        Steps++;
        if (step.Name.Length == 0)
        {
            _validation.Error(step.Index, step.PointerOf("name"), "A step needs a name.");
        }
        else if (handler is null)
        {
            _validation.Unsupported(step.Index, step.PointerOf("name"), $"The step '{step.Name}' is not supported here and is skipped.");
        }
        else
        {
            handler.Validate(step, _validation);
        }

        return ValueTask.CompletedTask;
    }

    protected override ValueTask OnItemAsync(RecipeStepContext step, IRecipeStep handler, int itemIndex, JsonNode item, CancellationToken ct)
    {
        handler.ValidateItem(step, itemIndex, item, _validation);
        return ValueTask.CompletedTask;
    }

    protected override void OnUnsupportedExpression(int step, string pointer, string message) =>
        _validation.Unsupported(step, pointer, message);

    protected override void OnExpressionError(int step, string pointer, string message) => _validation.Error(step, pointer, message);
}
