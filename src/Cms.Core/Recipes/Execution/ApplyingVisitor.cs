using System.Text.Json.Nodes;
using Cms.Recipes.Expressions;

namespace Cms.Recipes.Execution;

/// <summary>The second pass, run only when the first found nothing wrong: every step writes through one transaction.</summary>
internal sealed class ApplyingVisitor : RecipeStepDispatcher
{
    private readonly RecipeApplication _application;

    public ApplyingVisitor(RecipeRun run, RecipeApplication application, string? folder, string prefix = "", int depth = 0)
        : base(run, folder, prefix, depth)
    {
        _application = application;
    }

    protected override async ValueTask OnStepAsync(RecipeStepContext step, IRecipeStep? handler, CancellationToken ct)
    {
        if (handler is not null)
        {
            await handler.ApplyAsync(step, _application, ct);
        }
    }

    protected override async ValueTask OnItemAsync(RecipeStepContext step, IRecipeStep handler, int itemIndex, JsonNode item, CancellationToken ct) =>
        await handler.ApplyItemAsync(step, itemIndex, item, _application, ct);

    // The first pass evaluated the same expressions without error; failing now means the input changed.
    protected override RecipeStepDispatcher Nested(string? folder, string prefix, int depth) => new ApplyingVisitor(Run, _application, folder, prefix, depth);

    protected override void OnExpressionError(int step, string pointer, string message) =>
        throw new RecipeApplyException([new RecipeMessage(step, pointer, message)]);
}
