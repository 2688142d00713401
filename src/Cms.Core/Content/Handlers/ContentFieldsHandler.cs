using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Content.Definitions;

namespace Cms.Content.Handlers;

/// <summary>
/// The standard fields: checks each value against its field type and settings (Required, Minimum,
/// Maximum, Scale, Multiple), records content-picker references and adds text to the search index.
/// </summary>
internal sealed class ContentFieldsHandler : IContentHandler
{
    public async Task SavingAsync(ContentSavingContext context, CancellationToken cancellationToken)
    {
        foreach (var field in context.FieldsOf(ContentNames.TextField))
        {
            var text = Text(context, field, "Text");
            Require(context, field, !string.IsNullOrWhiteSpace(text), "TextFieldSettings");
            if (!string.IsNullOrWhiteSpace(text))
            {
                context.Index.SearchText.Append(text).Append(' ');
            }

            // A text field shown as an address box (Orchard's Url editor) holds a link: the rule of a link field.
            if (!string.IsNullOrWhiteSpace(text) && SettingsReader.Text(field.Definition.Settings, ContentNames.ContentPartFieldSettings, "Editor") == "Url"
                && LinkAddresses.Problem(text) is { } problem)
            {
                context.AddError(field.Path, problem);
            }
        }

        foreach (var field in context.FieldsOf(ContentNames.BooleanField))
        {
            Expect(context, field, "Value", JsonValueKind.True, JsonValueKind.False);
        }

        foreach (var field in context.FieldsOf(ContentNames.NumericField))
        {
            CheckNumber(context, field);
        }

        foreach (var field in context.FieldsOf(ContentNames.DateField).Concat(context.FieldsOf(ContentNames.DateTimeField)))
        {
            var value = Text(context, field, "Value");
            if (value is not null && !DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _))
            {
                context.AddError(field.Path, $"'{value}' is not a date; use ISO 8601, e.g. 2026-11-25T09:30:00Z.");
            }

            Require(context, field, value is not null, field.Definition.FieldName + "Settings");
        }

        foreach (var field in context.FieldsOf(ContentNames.LinkField))
        {
            var url = Text(context, field, "Url");
            Require(context, field, !string.IsNullOrWhiteSpace(url), "LinkFieldSettings");
            if (!string.IsNullOrWhiteSpace(url) && LinkAddresses.Problem(url) is { } problem)
            {
                context.AddError(field.Path, problem);
            }
        }

        foreach (var field in context.FieldsOf(ContentNames.ContentPickerField))
        {
            var ids = Strings(context, field, "ContentItemIds");
            Require(context, field, ids.Count > 0, "ContentPickerFieldSettings");
            if (ids.Count > 1 && SettingsReader.Bool(field.Definition.Settings, "ContentPickerFieldSettings", "Multiple") == false)
            {
                context.AddError(field.Path, "This field holds one item only.");
            }

            foreach (var id in ids)
            {
                if (!await context.Lookup.ExistsAsync(id, cancellationToken))
                {
                    context.AddError(field.Path, $"The item '{id}' picked here does not exist.");
                }

                context.Index.References.Add((field.Path, id));
            }
        }

        foreach (var field in context.FieldsOf(ContentNames.MediaField))
        {
            var paths = Strings(context, field, "Paths");
            Require(context, field, paths.Count > 0, "MediaFieldSettings");
            var texts = Strings(context, field, "MediaTexts");
            if (paths.Count > 1 && SettingsReader.Bool(field.Definition.Settings, "MediaFieldSettings", "Multiple") == false)
            {
                context.AddError(field.Path, $"{field.Definition.DisplayName} holds one image only.");
            }

            if (paths.Count > 0 && CmsMediaFieldSettings.RequiresMediaText(field.Definition.Settings)
                && (texts.Count < paths.Count || texts.Take(paths.Count).Any(string.IsNullOrWhiteSpace)))
            {
                context.AddError(field.Path, $"Add a short description of the image for {field.Definition.DisplayName} for people who use screen readers.");
            }
        }

        foreach (var field in context.FieldsOf(ContentNames.MultiTextField))
        {
            var values = Strings(context, field, "Values");
            Require(context, field, values.Count > 0, "MultiTextFieldSettings");
            if (values.Count > 0)
            {
                context.Index.SearchText.AppendJoin(' ', values).Append(' ');
            }
        }
    }

    private static void CheckNumber(ContentSavingContext context, ContentFieldEntry field)
    {
        decimal? number = field.Data?["Value"] switch
        {
            null => null,
            JsonValue v when v.TryGetValue<decimal>(out var d) => d,
            JsonValue v when v.TryGetValue<string>(out var s) && decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
            var other => Invalid(context, field, $"'{other.ToJsonString()}' is not a number."),
        };
        Require(context, field, number is not null, "NumericFieldSettings");
        var min = SettingsReader.Number(field.Definition.Settings, "NumericFieldSettings", "Minimum");
        var max = SettingsReader.Number(field.Definition.Settings, "NumericFieldSettings", "Maximum");
        if (number is { } n && ((min is { } lo && (double)n < lo) || (max is { } hi && (double)n > hi)))
        {
            context.AddError(field.Path, $"{n} is outside the allowed range {min?.ToString(CultureInfo.InvariantCulture) ?? "..."} to {max?.ToString(CultureInfo.InvariantCulture) ?? "..."}.");
        }

        // Orchard's NumericField refuses more decimal places than its Scale.
        var scale = SettingsReader.Number(field.Definition.Settings, "NumericFieldSettings", "Scale");
        if (number is { } value && scale is >= 0 and <= 28 && decimal.Round(value, (int)scale) != value)
        {
            context.AddError(field.Path, scale == 0 ? $"{value} is not a whole number; {field.Definition.DisplayName} takes whole numbers only." : $"{value} has more than {scale} decimal places.");
        }
    }

    private static decimal? Invalid(ContentSavingContext context, ContentFieldEntry field, string message)
    {
        context.AddError(field.Path, message);
        return null;
    }

    private static void Require(ContentSavingContext context, ContentFieldEntry field, bool present, string settingsBlock)
    {
        if (!present && SettingsReader.Bool(field.Definition.Settings, settingsBlock, "Required") == true)
        {
            context.AddError(field.Path, $"{field.Definition.DisplayName} is required.");
        }
    }

    private static void Expect(ContentSavingContext context, ContentFieldEntry field, string property, params JsonValueKind[] kinds)
    {
        if (field.Data?[property] is { } value && Array.IndexOf(kinds, value.GetValueKind()) < 0)
        {
            context.AddError(field.Path, $"{property} must be {string.Join(" or ", kinds).ToLowerInvariant()}, not {value.ToJsonString()}.");
        }
    }

    private static string? Text(ContentSavingContext context, ContentFieldEntry field, string property)
    {
        var value = field.Data?[property];
        if (value is null)
        {
            return null;
        }

        if (value is JsonValue v && v.TryGetValue<string>(out var text))
        {
            return text;
        }

        context.AddError(field.Path, $"{property} must be text, not {value.ToJsonString()}.");
        return null;
    }

    private static List<string> Strings(ContentSavingContext context, ContentFieldEntry field, string property)
    {
        var value = field.Data?[property];
        if (value is null)
        {
            return [];
        }

        if (value is not JsonArray array || array.Any(e => e is not JsonValue v || !v.TryGetValue<string>(out _)))
        {
            context.AddError(field.Path, $"{property} must be a list of texts, not {value.ToJsonString()}.");
            return [];
        }

        return array.Select(e => e!.GetValue<string>()).ToList();
    }
}
