using System.Net.Mail;
using System.Text.RegularExpressions;
using Cms.Content;
using Microsoft.AspNetCore.Http;
using System.Text.Json.Nodes;

namespace Cms.Admin.Definitions;

/// <summary>A text field's editor (Orchard's ContentPartFieldSettings.Editor), its list of choices and its default value.</summary>
public static partial class TextFieldSettingsForm
{
    public const string PredefinedList = "PredefinedList";

    /// <summary>The editors a manager chooses from: the Editor value Orchard stores, and what they read.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> Editors =
    [
        ("", "One line of text"), ("TextArea", "Several lines"), (PredefinedList, "A list to choose from"),
        ("Email", "An e-mail address"), ("Tel", "A phone number"), ("Url", "A web address"), ("Color", "A colour"),
    ];

    public static void Apply(JsonObject settings, IFormCollection form, List<SettingError> errors)
    {
        var editor = form["Editor"].ToString();
        if (!Editors.Any(e => e.Value == editor))
        {
            errors.Add(new SettingError("Editor", "Choose how the text is written in the editor."));
            return;
        }

        var choices = ChoiceList.Parse(form["Options"].ToString(), "Options", errors);
        var defaultValue = FieldSettingsForm.Text(form, "DefaultValue");
        if (editor == PredefinedList && choices.Count == 0 && !errors.Any(e => e.Key == "Options"))
        {
            errors.Add(new SettingError("Options", "Add the choices of the list, one a line, like “Licensed|licensed”."));
        }

        if (editor == PredefinedList && defaultValue is not null && choices.Count > 0 && !choices.Any(c => c.Value == defaultValue))
        {
            errors.Add(new SettingError("DefaultValue", $"The default “{defaultValue}” is not one of the list's values ({string.Join(", ", choices.Select(c => c.Value))})."));
        }
        else if (editor == "Color" && defaultValue is not null && !Colour().IsMatch(defaultValue))
        {
            errors.Add(new SettingError("DefaultValue", $"A default colour is written #rrggbb, like #3f6b5c, not “{defaultValue}”."));
        }
        else if (editor == "Email" && defaultValue is not null && !MailAddress.TryCreate(defaultValue, out _))
        {
            errors.Add(new SettingError("DefaultValue", $"The default “{defaultValue}” is not an e-mail address."));
        }

        var display = FieldSettingsForm.Block(settings, ContentNames.ContentPartFieldSettings);
        if (editor.Length == 0)
        {
            display.Remove("Editor");
        }
        else
        {
            display["Editor"] = editor;
        }

        FieldSettingsForm.Block(settings, "TextFieldSettings")["DefaultValue"] = defaultValue;
        if (choices.Count == 0 && editor != PredefinedList)
        {
            settings.Remove(ChoiceList.PredefinedListSettings);
            return;
        }

        // Orchard's list editor keeps its own default and whether it is a dropdown (1) or radio buttons (0); a new list is a dropdown.
        var list = FieldSettingsForm.Block(settings, ChoiceList.PredefinedListSettings);
        list["Options"] = ChoiceList.ToJson(choices, ContentNames.TextField);
        list["Editor"] ??= 1;
        list["DefaultValue"] = defaultValue;
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex Colour();
}
