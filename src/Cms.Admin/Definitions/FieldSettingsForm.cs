using System.Globalization;
using System.Text.Json.Nodes;
using Cms.Content;
using Cms.Content.Definitions;
using Microsoft.AspNetCore.Http;

namespace Cms.Admin.Definitions;

/// <summary>
/// The settings form of one field, written into its Orchard settings blocks: the label, help text and "required"
/// every field has, then the settings of its field type. The caller stores the result only when nothing is refused.
/// </summary>
public static class FieldSettingsForm
{
    public static List<SettingError> Apply(ContentPartFieldDefinition field, IFormCollection form, ContentDefinitions definitions)
    {
        var errors = new List<SettingError>();
        Block(field.Settings, ContentNames.ContentPartFieldSettings)["DisplayName"] = Text(form, "Label") ?? field.Name;
        var own = Block(field.Settings, field.FieldName + "Settings");
        own["Hint"] = Text(form, "Hint");
        if (HasRequired(field.FieldName))
        {
            own["Required"] = Checked(form, "Required");
        }

        switch (field.FieldName)
        {
            case ContentNames.TextField:
                TextFieldSettingsForm.Apply(field.Settings, form, errors);
                break;
            case ContentNames.NumericField:
                NumericFieldSettingsForm.Apply(own, form, errors);
                break;
            case ContentNames.ContentPickerField:
                ContentPickerFieldSettingsForm.Apply(own, form, definitions, errors);
                break;
            case ContentNames.MediaField:
                own["Multiple"] = Checked(form, "Multiple");
                CmsMediaFieldSettings.SetRequireMediaText(field.Settings, Checked(form, "RequireMediaText"));
                own["AllowMediaText"] = true;
                break;
            case ContentNames.BooleanField:
                own["Label"] = Text(form, "CheckboxLabel");
                own["DefaultValue"] = Checked(form, "DefaultChecked");
                break;
            case ContentNames.MultiTextField:
                var choices = ChoiceList.Parse(form["Options"].ToString(), "Options", errors);
                if (choices.Count == 0 && errors.Count == 0)
                {
                    errors.Add(new SettingError("Options", "Add the choices, one a line, like “Anxiety” or “Grief and loss|grief”."));
                }

                own["Options"] = ChoiceList.ToJson(choices, ContentNames.MultiTextField);
                break;
        }

        return errors;
    }

    /// <summary>A yes/no field has no "required" in Orchard: unticked is an answer.</summary>
    public static bool HasRequired(string fieldType) => fieldType != ContentNames.BooleanField;

    internal static JsonObject Block(JsonObject settings, string name)
    {
        if (settings[name] is JsonObject block)
        {
            return block;
        }

        block = [];
        settings[name] = block;
        return block;
    }

    internal static string? Text(IFormCollection form, string key) => form[key].ToString().Trim() is { Length: > 0 } text ? text : null;

    internal static bool Checked(IFormCollection form, string key) => form[key].Contains("true");

    /// <summary>An optional number of the form; text that is not one is refused and read as none.</summary>
    internal static decimal? Number(IFormCollection form, string key, string what, List<SettingError> errors)
    {
        if (Text(form, key) is not { } text)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors.Add(new SettingError(key, $"The {what} “{text}” is not a number; write it with digits, like 0 or 2.5."));
        return null;
    }
}
