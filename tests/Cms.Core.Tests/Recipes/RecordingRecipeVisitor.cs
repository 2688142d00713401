using System.Text.Json.Nodes;
using Cms.Recipes.Reading;

namespace Cms.Core.Tests.Recipes;

/// <summary>Keeps everything a <see cref="RecipeReader"/> delivers, plus a log of the calls in order.</summary>
internal sealed class RecordingRecipeVisitor : IRecipeVisitor
{
    public List<string> Calls { get; } = [];

    public JsonObject? Header { get; private set; }

    public JsonObject? TrailingHeader { get; private set; }

    public List<JsonObject> Steps { get; } = [];

    public List<List<JsonNode?>> Items { get; } = [];

    public ValueTask OnHeaderAsync(JsonObject header, CancellationToken ct)
    {
        Header = header;
        Calls.Add($"header {string.Join(',', header.Select(p => p.Key))}");
        return ValueTask.CompletedTask;
    }

    public ValueTask OnStepAsync(int index, JsonObject step, CancellationToken ct)
    {
        Steps.Add(step);
        Items.Add([]);
        Calls.Add($"step {index} {step["name"]}");
        return ValueTask.CompletedTask;
    }

    public ValueTask OnStepItemAsync(int index, int itemIndex, JsonNode? item, CancellationToken ct)
    {
        Items[index].Add(item);
        Calls.Add($"item {index} {itemIndex} {item?.ToJsonString() ?? "null"}");
        return ValueTask.CompletedTask;
    }

    public ValueTask OnStepEndAsync(int index, CancellationToken ct)
    {
        Calls.Add($"end {index}");
        return ValueTask.CompletedTask;
    }

    public ValueTask OnTrailingHeaderAsync(JsonObject header, CancellationToken ct)
    {
        TrailingHeader = header;
        Calls.Add($"trailing {string.Join(',', header.Select(p => p.Key))}");
        return ValueTask.CompletedTask;
    }
}
