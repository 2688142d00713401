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
    private const int MaxNesting = 5;

    private readonly RecipeRun _run;
    private readonly string? _folder;
    private readonly RecipeFiles _files;
    private readonly string _prefix;
    private readonly int _depth;
    private RecipeExpressions? _expressions;
    private (RecipeStepContext Context, IRecipeStep? Handler)? _current;
    private (int Step, string Pointer) _evaluating;

    /// <param name="folder">The recipe's folder, which the files it names are read from; null when it has none.</param>
    protected RecipeStepDispatcher(RecipeRun run, string? folder, string prefix, int depth)
    {
        _run = run;
        _folder = folder;
        _files = new RecipeFiles(folder);
        _prefix = prefix;
        _depth = depth;
    }

    protected RecipeRun Run => _run;

    public ValueTask OnHeaderAsync(JsonObject header, CancellationToken ct)
    {
        var variables = header.Find("variables") as JsonObject;
        _expressions?.Dispose();
        _expressions = _run.ExpressionsFor(variables, _folder, Unsupported);
        OnHeader(header);
        return ValueTask.CompletedTask;
    }

    protected virtual void OnHeader(JsonObject header)
    {
    }

    public void Dispose() => _expressions?.Dispose();

    public ValueTask OnTrailingHeaderAsync(JsonObject header, CancellationToken ct) => ValueTask.CompletedTask;

    public async ValueTask OnStepAsync(int index, JsonObject step, CancellationToken ct)
    {
        var name = step.FindText("name") ?? "";
        var context = new RecipeStepContext(index, name, step, _files, _prefix);
        _run.Steps.TryGetValue(name, out var handler);

        // A step nobody handles is skipped whole: its scripts may call functions of modules we do not have.
        if (handler is not null && !Evaluate(step, context.Pointer, index))
        {
            _current = (context, null);
            return;
        }

        _current = (context, handler);
        await OnStepAsync(context, handler, ct);
        if (handler is not null && string.Equals(name, "recipes", StringComparison.OrdinalIgnoreCase))
        {
            await RunInnerRecipesAsync(context, ct);
        }
    }

    public async ValueTask OnStepItemAsync(int index, int itemIndex, JsonNode? item, CancellationToken ct)
    {
        if (_current is not { Handler: { } handler } current || item is null || !Evaluate(item, $"{current.Context.Pointer}/data/{itemIndex}", index))
        {
            await OnUnhandledItemAsync(index, itemIndex, item, ct);
        }
        else
        {
            await OnItemAsync(current.Context, handler, itemIndex, item, ct);
        }

        _run.Progress.ItemDone();
    }

    public ValueTask OnStepEndAsync(int index, CancellationToken ct) => OnStepDoneAsync(ct);

    /// <summary>Every item of the step has been handed over.</summary>
    protected virtual ValueTask OnStepDoneAsync(CancellationToken ct) => ValueTask.CompletedTask;

    protected abstract ValueTask OnStepAsync(RecipeStepContext step, IRecipeStep? handler, CancellationToken ct);

    /// <summary>The same pass over a recipe named by a <c>recipes</c> step (its files read from its own folder), its findings placed under that entry.</summary>
    protected abstract RecipeStepDispatcher Nested(string? folder, string prefix, int depth);

    protected abstract ValueTask OnItemAsync(RecipeStepContext step, IRecipeStep handler, int itemIndex, JsonNode item, CancellationToken ct);

    protected virtual ValueTask OnUnhandledItemAsync(int index, int itemIndex, JsonNode? item, CancellationToken ct) => ValueTask.CompletedTask;

    /// <summary>An expression asked for what this host cannot give (a missing file, a workflow token); its value is empty.</summary>
    protected virtual void OnUnsupportedExpression(int step, string pointer, string message)
    {
    }

    /// <summary>Reports an expression that failed; the pass carries on so every problem is found.</summary>
    protected abstract void OnExpressionError(int step, string pointer, string message);

    // As in Orchard, the recipes a "recipes" step names run right after it, here in the same pass and transaction.
    private async Task RunInnerRecipesAsync(RecipeStepContext step, CancellationToken ct)
    {
        if (_depth >= MaxNesting)
        {
            OnExpressionError(step.Index, step.Pointer, $"Recipes nest deeper than {MaxNesting} levels; a recipe probably names itself.");
            return;
        }

        var values = step.Property("Values") as JsonArray ?? [];
        for (var i = 0; i < values.Count; i++)
        {
            var name = values[i]?["name"] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
            if (name is not null && _run.FindRecipe(name) is { } recipe)
            {
                using var nested = Nested(Path.GetDirectoryName(recipe.FilePath), $"{step.PointerOf("Values")}/{i}", _depth + 1);
                await using var stream = File.OpenRead(recipe.FilePath);
                await RecipeReader.ReadAsync(stream, nested, ct);
            }
        }
    }

    private void Unsupported(string message) => OnUnsupportedExpression(_evaluating.Step, _evaluating.Pointer, message);

    private bool Evaluate(JsonNode node, string pointer, int step)
    {
        try
        {
            _evaluating = (step, pointer);
            (_expressions ??= _run.ExpressionsFor(null, _folder, Unsupported)).EvaluateTree(node, CancellationToken.None);
            return true;
        }
        catch (RecipeExpressionException e)
        {
            OnExpressionError(step, pointer, e.Message);
            return false;
        }
    }
}
