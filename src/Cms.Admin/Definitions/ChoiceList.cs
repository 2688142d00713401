using System.Text.Json.Nodes;
using Cms.Content;
using Cms.Content.Definitions;

namespace Cms.Admin.Definitions;

/// <summary>
/// The choices of a predefined list (TextField) or of a MultiTextField, as stored in Orchard's settings and as a manager
/// writes them: one choice a line, "label|value", or just the label when the value is the same.
/// </summary>
public static class ChoiceList
{
    public const string PredefinedListSettings = "TextFieldPredefinedListEditorSettings";
    public const string MultiTextSettings = "MultiTextFieldSettings";

    /// <summary>The stored choices of a field: (label, value).</summary>
    public static IReadOnlyList<(string Label, string Value)> Read(JsonObject settings)
    {
        var list = SettingsReader.Find(settings, PredefinedListSettings, "Options") ?? SettingsReader.Find(settings, MultiTextSettings, "Options");
        return list is JsonArray options
            ? options.OfType<JsonObject>().Select(o => (Label: Text(o, "name") ?? Text(o, "Name") ?? "", Value: Text(o, "value") ?? Text(o, "Value") ?? "")).ToList()
            : [];
    }

    public static string Format(IEnumerable<(string Label, string Value)> choices) =>
        string.Join('\n', choices.Select(c => c.Label == c.Value ? c.Label : $"{c.Label}|{c.Value}"));

    /// <summary>Reads the lines a manager wrote; a line without a label or a value, or a value used twice, is refused.</summary>
    public static List<(string Label, string Value)> Parse(string text, string key, List<SettingError> errors)
    {
        var choices = new List<(string Label, string Value)>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var bar = line.IndexOf('|', StringComparison.Ordinal);
            var label = (bar < 0 ? line : line[..bar]).Trim();
            var value = (bar < 0 ? line : line[(bar + 1)..]).Trim();
            if (label.Length == 0 || value.Length == 0)
            {
                errors.Add(new SettingError(key, $"Line {i + 1} (“{line}”) needs a label and a value, like “Licensed|licensed”."));
            }
            else if (choices.Any(c => c.Value == value))
            {
                errors.Add(new SettingError(key, $"The value “{value}” is used twice; each choice needs its own value."));
            }
            else
            {
                choices.Add((label, value));
            }
        }

        return choices;
    }

    /// <summary>The choices in the shape of the settings block: TextField lists write name/value, MultiTextField Name/Value/Default, as Orchard does.</summary>
    public static JsonArray ToJson(IEnumerable<(string Label, string Value)> choices, string fieldType) =>
        new(choices.Select(c => (JsonNode?)(fieldType == ContentNames.MultiTextField
            ? new JsonObject { ["Name"] = c.Label, ["Value"] = c.Value, ["Default"] = false }
            : new JsonObject { ["name"] = c.Label, ["value"] = c.Value })).ToArray());

    private static string? Text(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
