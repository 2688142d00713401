using System.Text.Json.Nodes;
using Cms.Recipes.Expressions;
using Cms.Recipes.Reading;

namespace Cms.Recipes.Execution;

/// <summary>
/// Walks a recipe for one pass: evaluates expressions in each step and item, finds the step's handler by
/// name (case-insensitively, as Orchard) and hands them over. The two passes differ only in what they call.
/// </summary>
internal abstract class RecipeStepDispatcher : IRecipeVisitor, IDisposable
{
    private readonly IReadOnlyDictionary<string, IRecipeStep> _steps;
    private readonly Func<JsonObject?, Action<string>, RecipeExpressions> _expressionsFor;
    private RecipeExpressions? _expressions;
    private (RecipeStepContext Context, IRecipeStep? Handler)? _current;

    private (int Step, string Pointer) _evaluating;

    protected RecipeStepDispatcher(IReadOnlyDictionary<string, IRecipeStep> steps, Func<JsonObject?, Action<string>, RecipeExpressions> expressionsFor)
    {
        _steps = steps;
        _expressionsFor = expressionsFor;
    }

    public ValueTask OnHeaderAsync(JsonObject header, CancellationToken ct)
    {
        var variables = header.FirstOrDefault(p => string.Equals(p.Key, "variables", StringComparison.OrdinalIgnoreCase)).Value as JsonObject;
        _expressions?.Dispose();
        _expressions = _expressionsFor(variables, Unsupported);
        return ValueTask.CompletedTask;
    }

    public void Dispose() => _expressions?.Dispose();

    public ValueTask OnTrailingHeaderAsync(JsonObject header, CancellationToken ct) => ValueTask.CompletedTask;

    public async ValueTask OnStepAsync(int index, JsonObject step, CancellationToken ct)
    {
        var name = step.FirstOrDefault(p => string.Equals(p.Key, "name", StringComparison.OrdinalIgnoreCase)).Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
        var context = new RecipeStepContext(index, name, step);
        _steps.TryGetValue(name, out var handler);

        // A step nobody handles is skipped whole: its scripts may call functions of modules we do not have.
        if (handler is not null && !Evaluate(step, context.Pointer, index))
        {
            _current = (context, null);
            return;
        }

        _current = (context, handler);
        await OnStepAsync(context, handler, ct);
    }

    public async ValueTask OnStepItemAsync(int index, int itemIndex, JsonNode? item, CancellationToken ct)
    {
        if (_current is not { Handler: { } handler } current || item is null || !Evaluate(item, $"{current.Context.Pointer}/data/{itemIndex}", index))
        {
            await OnUnhandledItemAsync(index, itemIndex, item, ct);
            return;
        }

        await OnItemAsync(current.Context, handler, itemIndex, item, ct);
    }

    public ValueTask OnStepEndAsync(int index, CancellationToken ct) => ValueTask.CompletedTask;

    protected abstract ValueTask OnStepAsync(RecipeStepContext step, IRecipeStep? handler, CancellationToken ct);

    protected abstract ValueTask OnItemAsync(RecipeStepContext step, IRecipeStep handler, int itemIndex, JsonNode item, CancellationToken ct);

    protected virtual ValueTask OnUnhandledItemAsync(int index, int itemIndex, JsonNode? item, CancellationToken ct) => ValueTask.CompletedTask;

    /// <summary>An expression asked for what this host cannot give (a missing file, a workflow token); its value is empty.</summary>
    protected virtual void OnUnsupportedExpression(int step, string pointer, string message)
    {
    }

    /// <summary>Reports an expression that failed; the pass carries on so every problem is found.</summary>
    protected abstract void OnExpressionError(int step, string pointer, string message);

    private void Unsupported(string message) => OnUnsupportedExpression(_evaluating.Step, _evaluating.Pointer, message);

    private bool Evaluate(JsonNode node, string pointer, int step)
    {
        try
        {
            _evaluating = (step, pointer);
            (_expressions ??= _expressionsFor(null, Unsupported)).EvaluateTree(node, CancellationToken.None);
            return true;
        }
        catch (RecipeExpressionException e)
        {
            OnExpressionError(step, pointer, e.Message);
            return false;
        }
    }
}
