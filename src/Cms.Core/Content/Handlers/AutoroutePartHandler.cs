using System.Text.Json.Nodes;
using Cms.Content.Definitions;

namespace Cms.Content.Handlers;

/// <summary>
/// AutoroutePart: the item's path, typed by the editor when the type allows a custom path, otherwise
/// generated from the type's Liquid pattern; unique in the tenant, with "-2", "-3" appended when generated.
/// </summary>
internal sealed class AutoroutePartHandler : IContentHandler
{
    private const int MaxLength = 1024;
    private const string DefaultPattern = "{{ ContentItem | display_text | slugify }}";
    private const string Forbidden = ":?#[]@!$&'()*+,;=<>\\|%";
    private static readonly System.Buffers.SearchValues<char> s_forbidden = System.Buffers.SearchValues.Create(Forbidden);

    private readonly LiquidPatterns _patterns;

    public AutoroutePartHandler(LiquidPatterns patterns)
    {
        _patterns = patterns;
    }

    public async Task SavingAsync(ContentSavingContext context, CancellationToken cancellationToken)
    {
        foreach (var (definition, data) in context.PartsOf(ContentNames.AutoroutePart))
        {
            var part = data ?? context.Item.GetOrCreatePart(definition.Name);
            if (part["Disabled"] is JsonValue disabled && disabled.TryGetValue<bool>(out var isDisabled) && isDisabled)
            {
                continue;
            }

            var errorPath = $"{definition.Name}.Path";
            var allowCustom = SettingsReader.Bool(definition.Settings, "AutoroutePartSettings", "AllowCustomPath") ?? false;
            var given = part["Path"] is JsonValue value && value.TryGetValue<string>(out var text) ? text.Trim().Trim('/') : "";
            // Imported items keep the path they come with, as Orchard keeps it.
            var generated = given.Length == 0 || (!allowCustom && !context.IsImport);
            string path;
            try
            {
                path = generated
                    ? (await _patterns.RenderAsync(SettingsReader.Text(definition.Settings, "AutoroutePartSettings", "Pattern") ?? DefaultPattern, context.Item, context.Lookup, cancellationToken)).Trim().Trim('/')
                    : given;
            }
            catch (LiquidPatternException e)
            {
                context.AddError(errorPath, e.Message);
                continue;
            }

            if (path.Length == 0)
            {
                if (!generated)
                {
                    context.AddError(errorPath, "The path is empty.");
                }

                continue;
            }

            if (path.Length > MaxLength || path.AsSpan().ContainsAny(s_forbidden) || path.Contains("//", StringComparison.Ordinal))
            {
                context.AddError(errorPath, $"The path '{path}' is not valid: at most {MaxLength} characters, no '//', and none of {Forbidden}.");
                continue;
            }

            path = await UniqueAsync(context, path, generated, errorPath, cancellationToken);
            part["Path"] = path;
            context.Index.RoutePath = path;
        }
    }

    // A generated path that is taken gets a number; a path somebody typed is theirs to change.
    private static async Task<string> UniqueAsync(ContentSavingContext context, string path, bool generated, string errorPath, CancellationToken cancellationToken)
    {
        var candidate = path;
        for (var n = 2; ; n++)
        {
            var owner = await context.Lookup.FindRouteOwnerAsync(candidate, context.Item.ContentItemId, cancellationToken);
            if (owner is null)
            {
                return candidate;
            }

            if (!generated)
            {
                context.AddError(errorPath, $"The path '{candidate}' is already used by item '{owner}'.");
                return candidate;
            }

            candidate = $"{path}-{n}";
        }
    }
}
