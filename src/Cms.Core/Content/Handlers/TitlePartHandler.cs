using System.Text.Json.Nodes;
using Cms.Content.Definitions;

namespace Cms.Content.Handlers;

/// <summary>
/// TitlePart: the title becomes the item's DisplayText, as in Orchard. Options: Editable (default),
/// GeneratedDisabled / GeneratedHidden (title from the Liquid Pattern), EditableRequired.
/// </summary>
internal sealed class TitlePartHandler : IContentHandler
{
    private readonly LiquidPatterns _patterns;

    public TitlePartHandler(LiquidPatterns patterns)
    {
        _patterns = patterns;
    }

    public async Task SavingAsync(ContentSavingContext context, CancellationToken cancellationToken)
    {
        foreach (var (definition, data) in context.PartsOf(ContentNames.TitlePart))
        {
            var options = SettingsReader.Text(definition.Settings, "TitlePartSettings", "Options") ?? "Editable";
            var pattern = SettingsReader.Text(definition.Settings, "TitlePartSettings", "Pattern");
            var title = data?["Title"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
            if (options is "GeneratedDisabled" or "GeneratedHidden" or "1" or "2" && !string.IsNullOrWhiteSpace(pattern))
            {
                try
                {
                    title = (await _patterns.RenderAsync(pattern, context.Item, context.Lookup, cancellationToken)).Trim();
                }
                catch (LiquidPatternException e)
                {
                    context.AddError($"{definition.Name}.Title", e.Message);
                    continue;
                }

                context.Item.GetOrCreatePart(definition.Name)["Title"] = title;
            }
            else if (options is "EditableRequired" or "3" && string.IsNullOrWhiteSpace(title))
            {
                context.AddError($"{definition.Name}.Title", "The title is required.");
            }

            if (!string.IsNullOrWhiteSpace(title))
            {
                context.Item.DisplayText = title;
            }
        }

        if (context.Item.DisplayText is { Length: > 0 } displayText)
        {
            context.Index.SearchText.Append(displayText).Append(' ');
        }
    }
}
