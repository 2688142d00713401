using System.Text.Json.Nodes;
using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Recipes.Execution;
using Microsoft.Extensions.DependencyInjection;
using static Cms.Core.Tests.Support.Recipes;

namespace Cms.Core.Tests.Recipes;

/// <summary>
/// An import does an item's work ahead (rendering its body) while it applies the item before; items it applies faster
/// than their work ahead (skipped, refused) must not leave that work piling up on the shared thread pool, where a hostile
/// recipe of quick items with heavy bodies would take every core from every practice.
/// </summary>
public sealed class WorkAheadTests
{
    private const int Items = 20;

    [Fact]
    public async Task AnImportHasOneItemsWorkAheadUnderWayAtATimeAndNoneLeftWhenItEnds()
    {
        var step = new SlowWorkAheadStep();
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = await storage.StartAsync(configure: s => s.AddSingleton<IRecipeStep>(step));
        var tenant = await RecipeTenant.CreateAsync(services, "ahead");

        var data = string.Join(", ", Enumerable.Range(0, Items).Select(i => $$"""{ "n": {{i}} }"""));
        var result = await tenant.ImportTextAsync(Recipe($$"""{ "name": "{{SlowWorkAheadStep.StepName}}", "data": [ {{data}} ] }"""));

        Assert.True(result.Applied, string.Join("\n", result.Errors));
        Assert.Equal(Items, step.Applied);
        Assert.InRange(step.MostUnfinished, 1, 2);
        Assert.Equal(0, step.Unfinished);
    }

    /// <summary>A step whose items apply at once and whose work ahead takes a while; it counts the work not finished yet.</summary>
    private sealed class SlowWorkAheadStep : IRecipeStep
    {
        public const string StepName = "slowahead";
        private int _unfinished;
        private int _most;
        private int _applied;

        public string Name => StepName;

        public int Unfinished => Volatile.Read(ref _unfinished);

        public int MostUnfinished => Volatile.Read(ref _most);

        public int Applied => Volatile.Read(ref _applied);

        public void Validate(RecipeStepContext step, RecipeValidation validation)
        {
        }

        public void ValidateItem(RecipeStepContext step, int itemIndex, JsonNode? item, RecipeValidation validation)
        {
        }

        public Task ApplyAsync(RecipeStepContext step, RecipeApplication application, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task ApplyItemAsync(RecipeStepContext step, int itemIndex, JsonNode? item, RecipeApplication application, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _applied);
            return Task.CompletedTask;
        }

        public Action? PrepareItem(JsonNode item, RecipeApplication application)
        {
            var unfinished = Interlocked.Increment(ref _unfinished);
            InterlockedMax(ref _most, unfinished);
            return () =>
            {
                Thread.Sleep(30);
                Interlocked.Decrement(ref _unfinished);
            };
        }

        private static void InterlockedMax(ref int target, int value)
        {
            for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
            {
                if (Interlocked.CompareExchange(ref target, value, seen) == seen)
                {
                    return;
                }
            }
        }
    }
}
