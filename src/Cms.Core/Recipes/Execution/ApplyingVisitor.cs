using System.Text.Json.Nodes;
using Cms.Recipes.Expressions;

namespace Cms.Recipes.Execution;

/// <summary>The second pass, run only when the first found nothing wrong: every step writes through one transaction.</summary>
internal sealed class ApplyingVisitor : RecipeStepDispatcher
{
    private readonly RecipeApplication _application;
    private HeldItem? _held;

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

    // Each item is applied when the next one has arrived, while the work that one can have done ahead runs on another
    // thread: the store of an item (one thread, most of it in the database) and the rendering for the next share the cores.
    // An item's work ahead is waited for once the item is applied (a skipped or refused item never asks for it), so an
    // import has one item's work under way at a time however fast its items are applied.
    protected override async ValueTask OnItemAsync(RecipeStepContext step, IRecipeStep handler, int itemIndex, JsonNode item, CancellationToken ct)
    {
        var ahead = handler.PrepareItem(item, _application) is { } work ? Task.Run(() => DoAhead(work), CancellationToken.None) : Task.CompletedTask;
        await ApplyHeldAsync(ct);
        _held = new HeldItem(step, handler, itemIndex, item, ahead);
    }

    protected override async ValueTask OnStepDoneAsync(CancellationToken ct) => await ApplyHeldAsync(ct);

    // The first pass evaluated the same expressions without error; failing now means the input changed.
    protected override RecipeStepDispatcher Nested(string? folder, string prefix, int depth) => new ApplyingVisitor(Run, _application, folder, prefix, depth);

    protected override void OnExpressionError(int step, string pointer, string message) =>
        throw new RecipeApplyException([new RecipeMessage(step, pointer, message)]);

    private async Task ApplyHeldAsync(CancellationToken ct)
    {
        if (_held is not { } held)
        {
            return;
        }

        _held = null;
        await held.Handler.ApplyItemAsync(held.Step, held.Index, held.Item, _application, ct);
        await held.Ahead;
    }

    // Work done ahead only saves the apply some; what fails here fails again in the apply, which reports it.
    private static void DoAhead(Action work)
    {
        try
        {
            work();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
        }
    }

    private sealed record HeldItem(RecipeStepContext Step, IRecipeStep Handler, int Index, JsonNode Item, Task Ahead);
}
