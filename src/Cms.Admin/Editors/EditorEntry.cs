using System.Text.Json.Nodes;
using Cms.Admin.Definitions;
using Cms.Content;
using Cms.Content.Definitions;

namespace Cms.Admin.Editors;

/// <summary>One editor on the form: a field, or a property of a built-in part (a title, a path, a body).</summary>
public sealed record EditorEntry(string Path, string Kind, string Label, JsonObject Settings, JsonObject? Data)
{
    /// <summary>Before the path in form names, for an item inside a bag: "Memberships.ContentItems.0."; empty otherwise.</summary>
    public string Prefix { get; init; } = "";

    /// <summary>The editor of the items inside, for a bag (BagPart).</summary>
    public BagEditor? Bag { get; init; }

    public bool IsPartProperty { get; init; }

    public bool Required { get; init; }

    public string? BuiltInHint { get; init; }

    public string PartName => Path[..Path.IndexOf('.', StringComparison.Ordinal)];

    public string Property => Path[(Path.IndexOf('.', StringComparison.Ordinal) + 1)..];

    /// <summary>The name of the editor's inputs, and the path errors about it come with.</summary>
    public string Name => Prefix + Path;

    public string Id => "f-" + Name.Replace('.', '-');

    public string? Hint => BuiltInHint ?? SettingsReader.Text(Settings, Kind + "Settings", "Hint");

    public bool IsRequired => Required || SettingsReader.Bool(Settings, Kind + "Settings", "Required") == true;

    /// <summary>The editor the definition asks for (ContentPartFieldSettings.Editor): TextArea, PredefinedList, Email, Color...</summary>
    public string? Editor => SettingsReader.Text(Settings, ContentNames.ContentPartFieldSettings, "Editor");

    public string Text(string property = "Text") => Data?[IsPartProperty ? "Value" : property] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    public bool Bool => Data?["Value"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public string Number => Data?["Value"] is JsonValue v ? v.ToJsonString().Trim('"') : "";

    public IReadOnlyList<string> Strings(string property) =>
        Data?[property] is JsonArray a ? a.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList() : [];

    /// <summary>Options of a predefined list (TextField) or a MultiTextField: (label, value).</summary>
    public IReadOnlyList<(string Label, string Value)> Options => ChoiceList.Read(Settings);

    /// <summary>A number field for whole numbers only (Scale 0), to offer the digits keyboard on a phone.</summary>
    public bool WholeNumber => SettingsReader.Number(Settings, "NumericFieldSettings", "Scale") == 0;

    public IReadOnlyList<string> PickerTypes => SettingsReader.Texts(Settings, "ContentPickerFieldSettings", "DisplayedContentTypes");

    public bool Multiple => SettingsReader.Bool(Settings, Kind + "Settings", "Multiple") ?? false;
}
