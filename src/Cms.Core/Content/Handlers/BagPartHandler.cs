using System.Text.Json.Nodes;

namespace Cms.Content.Handlers;

/// <summary>
/// BagPart (Orchard.Flows): its <c>ContentItems</c> is a list of items, each naming its ContentType. The fields of
/// those items are checked with the item's own (<see cref="ContentSavingContext.FieldsOf"/> follows bags).
/// </summary>
internal sealed class BagPartHandler : IContentHandler
{
    public Task SavingAsync(ContentSavingContext context, CancellationToken cancellationToken)
    {
        foreach (var (part, data) in context.PartsOf(ContentNames.BagPart))
        {
            var path = $"{part.Name}.ContentItems";
            switch (data?["ContentItems"])
            {
                case null:
                    break;
                case JsonArray items:
                    for (var i = 0; i < items.Count; i++)
                    {
                        if (items[i] is not JsonObject item || item["ContentType"] is not JsonValue type || !type.TryGetValue<string>(out var name) || name.Length == 0)
                        {
                            context.AddError($"{path}.{i}", $"Item {i + 1} of {part.Name} must be an object with its ContentType.");
                        }
                    }

                    break;
                default:
                    context.AddError(path, $"{path} must be a list of items.");
                    break;
            }
        }

        return Task.CompletedTask;
    }
}
