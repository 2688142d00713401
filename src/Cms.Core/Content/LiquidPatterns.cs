using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Content.Handlers;
using Cms.Liquid;
using Fluid;
using Fluid.Values;

namespace Cms.Content;

/// <summary>
/// Renders Orchard's Liquid patterns (titles, routes) with Fluid: <c>ContentItem</c> and
/// <c>Model.ContentItem</c> are the item, with the filters <c>display_text</c>, <c>slugify</c> and
/// <c>container</c>. Parsed patterns are cached; there are few per tenant. A pattern comes with a content
/// definition, which a recipe can bring, so it renders within <see cref="LiquidLimits.Patterns"/>.
/// </summary>
public sealed class LiquidPatterns
{
    private static readonly FluidParser s_parser = new();
    private readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new(StringComparer.Ordinal);

    // The model is dictionaries and lists only: no .NET type's members are readable.
    private readonly TemplateOptions _options = LiquidLimits.Patterns.CreateOptions([], builder => builder
        .AddFilter("slugify", (input, _, context) => StringValue.Create(Slugify(input.ToStringValue(context))))
        .AddFilter("display_text", (input, _, context) => input.GetValueAsync(nameof(ContentItem.DisplayText), context))
        .AddFilter("container", ContainerAsync));

    public static string Slugify(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder(normalized.Length);
        var dash = false;
        foreach (var c in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else if (!dash && slug.Length > 0)
            {
                slug.Append('-');
                dash = true;
            }
        }

        return slug.ToString().TrimEnd('-');
    }

    /// <summary>The pattern's text for the item; a <see cref="LiquidPatternException"/> says why when the pattern does not parse or goes over a limit.</summary>
    public async Task<string> RenderAsync(string pattern, ContentItem item, IContentLookup lookup, CancellationToken cancellationToken)
    {
        if (!_templates.TryGetValue(pattern, out var template))
        {
            if (!s_parser.TryParse(pattern, out template, out var error))
            {
                throw new LiquidPatternException($"The Liquid pattern '{pattern}' does not parse: {error}");
            }

            _templates[pattern] = template;
        }

        var model = ToModel(item.Data);
        using var render = LiquidLimits.Patterns.Start(_options, cancellationToken);
        var context = render.Context;
        context.SetValue("ContentItem", model);
        context.SetValue("Model", new Dictionary<string, object?> { ["ContentItem"] = model });
        context.AmbientValues["lookup"] = lookup;
        try
        {
            return await template.RenderAsync(context);
        }
        catch (Exception e) when (render.Explain(e) is { } reason)
        {
            throw new LiquidPatternException($"The Liquid pattern '{pattern}' {reason}.");
        }
    }

    // {{ ContentItem | container }}: the list the item belongs to, by its ContainedPart.
    private static async ValueTask<FluidValue> ContainerAsync(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var contained = await input.GetValueAsync(ContentNames.ContainedPart, context);
        var id = (await contained.GetValueAsync("ListContentItemId", context)).ToStringValue(context);
        if (id.Length > 0
            && context.AmbientValues["lookup"] is IContentLookup lookup
            && await lookup.FindLatestAsync(id, context.CancellationToken) is { } container)
        {
            return FluidValue.Create(ToModel(container.Data), context.Options);
        }

        return NilValue.Instance;
    }

    // Fluid reads dictionaries and lists; the item's JSON is turned into those, with the JSON's own
    // names so that ContentItem.Content.Part.Field.Text works as in Orchard.
    private static Dictionary<string, object?> ToModel(JsonObject data)
    {
        var model = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in data)
        {
            model[key] = Convert(value);
        }

        model["Content"] = model;
        return model;
    }

    private static object? Convert(JsonNode? node) => node switch
    {
        JsonObject obj => obj.ToDictionary(p => p.Key, p => Convert(p.Value), StringComparer.Ordinal),
        JsonArray array => array.Select(Convert).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.GetValue<decimal>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        },
        _ => null,
    };
}
