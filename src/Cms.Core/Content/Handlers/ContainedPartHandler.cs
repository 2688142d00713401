using System.Text.Json.Nodes;

namespace Cms.Content.Handlers;

/// <summary>ContainedPart: the list (or series) an item belongs to and its place in it, indexed for ordered listing.</summary>
internal sealed class ContainedPartHandler : IContentHandler
{
    public async Task SavingAsync(ContentSavingContext context, CancellationToken cancellationToken)
    {
        if (context.Item.Part(ContentNames.ContainedPart) is not { } contained)
        {
            return;
        }

        var listId = contained["ListContentItemId"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : null;
        if (string.IsNullOrWhiteSpace(listId))
        {
            return;
        }

        if (!await context.Lookup.ExistsAsync(listId, cancellationToken))
        {
            context.AddError($"{ContentNames.ContainedPart}.ListContentItemId", $"The list '{listId}' this item belongs to does not exist.");
            return;
        }

        context.Index.ContainerId = listId;
        context.Index.ContainerOrder = contained["Order"] switch
        {
            JsonValue v when v.TryGetValue<int>(out var order) => order,
            JsonValue v when v.TryGetValue<double>(out var number) => (int)number,
            JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }
}
