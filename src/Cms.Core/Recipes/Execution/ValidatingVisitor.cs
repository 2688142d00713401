using System.Text.Json.Nodes;
using Cms.Recipes.Expressions;

namespace Cms.Recipes.Execution;

/// <summary>The first pass: checks every step and item, writes nothing.</summary>
internal sealed class ValidatingVisitor : RecipeStepDispatcher
{
    private readonly RecipeValidation _validation;

    public ValidatingVisitor(RecipeRun run, RecipeValidation validation, string? folder, string prefix = "", int depth = 0)
        : base(run, folder, prefix, depth)
    {
        _validation = validation;
    }

    protected override void OnHeader(JsonObject header) => Report(null, Run.Schema.ValidateHeader(header));

    protected override ValueTask OnStepAsync(RecipeStepContext step, IRecipeStep? handler, CancellationToken ct)
    {
        Report(step.Index, Run.Schema.ValidateStep(step.Index, step.Step), step.Prefix);
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

    protected override async ValueTask OnItemAsync(RecipeStepContext step, IRecipeStep handler, int itemIndex, JsonNode item, CancellationToken ct)
    {
        var errorsBefore = _validation.Errors.Count;
        if (handler is Steps.ContentStep)
        {
            Report(step.Index, Run.Schema.ValidateItem(step.Index, itemIndex, item), step.Prefix);
        }

        handler.ValidateItem(step, itemIndex, item, _validation);

        // The content rules read the item as the import would: only one whose envelope and shape are sound.
        if (handler is Steps.ContentStep && _validation.Errors.Count == errorsBefore && item is JsonObject data && _validation.Content is { } content)
        {
            await content.CheckAsync(step, itemIndex, data, ct);
        }
    }

    protected override void OnUnsupportedExpression(int step, string pointer, string message) =>
        _validation.Unsupported(step, pointer, message);

    private void Report(int? step, IReadOnlyList<(string Pointer, string Message)> problems, string prefix = "")
    {
        foreach (var (pointer, message) in problems)
        {
            _validation.Error(step, prefix + pointer, message);
        }
    }

    protected override RecipeStepDispatcher Nested(string? folder, string prefix, int depth) => new ValidatingVisitor(Run, _validation, folder, prefix, depth);

    protected override void OnExpressionError(int step, string pointer, string message) => _validation.Error(step, pointer, message);
}
