using System.Globalization;
using System.Text.Json.Nodes;
using Cms.Content;
using Cms.Content.Handlers;
using Cms.Content.Definitions;
using Microsoft.AspNetCore.Http;

namespace Cms.Admin.Editors;

/// <summary>
/// The editor of a content item, built from its type definition: one editor per part and field, in position
/// order. Binding a form writes only what the editors show; everything else in the item (unknown parts and
/// fields, a Memberships bag) stays as it was.
/// </summary>
public sealed class ItemEditor
{
    private ItemEditor(ContentTypeDefinition type, IReadOnlyList<EditorEntry> entries)
    {
        Type = type;
        Entries = entries;
    }

    public ContentTypeDefinition Type { get; }

    public IReadOnlyList<EditorEntry> Entries { get; }

    public static ItemEditor For(ContentTypeDefinition type, ContentDefinitions definitions, ContentItem item)
    {
        var entries = new List<EditorEntry>();
        foreach (var typePart in type.PartsInOrder)
        {
            var data = item.Part(typePart.Name);
            var label = SettingsReader.Text(typePart.Settings, ContentNames.ContentTypePartSettings, "DisplayName");
            switch (typePart.PartName)
            {
                case ContentNames.TitlePart:
                    entries.Add(Built(typePart.Name, "Title", "Title", label ?? "Title", data?["Title"], required: true));
                    break;
                case ContentNames.AutoroutePart:
                    entries.Add(Built(typePart.Name, "Path", "Path", label ?? "Web address", data?["Path"], hint: "Leave empty to make it from the title."));
                    break;
                case ContentNames.MarkdownBodyPart:
                    entries.Add(Built(typePart.Name, "Markdown", "Markdown", label ?? "Body", data?["Markdown"]));
                    break;
                case ContentNames.HtmlBodyPart:
                    entries.Add(Built(typePart.Name, "Html", "Html", label ?? "Body", data?["Html"]));
                    break;
                case ContentNames.SeoMetaPart:
                    entries.Add(Built(typePart.Name, "PageTitle", "Text", "Title for search engines", data?["PageTitle"], hint: "Leave empty to use the title."));
                    entries.Add(Built(typePart.Name, "MetaDescription", "TextArea", "Description for search engines", data?["MetaDescription"], hint: "About 150 characters, shown under the title in search results."));
                    break;
            }

            if (definitions.FindPart(typePart.PartName) is { } part)
            {
                foreach (var field in part.FieldsInOrder)
                {
                    entries.Add(new EditorEntry($"{typePart.Name}.{field.Name}", field.FieldName, field.DisplayName, field.Settings, data?[field.Name] as JsonObject));
                }
            }
        }

        return new ItemEditor(type, entries);
    }

    /// <summary>A new item starts with the default values its field settings give (DefaultValue), as Orchard's editors do.</summary>
    public void ApplyDefaults(ContentItem item)
    {
        foreach (var entry in Entries.Where(e => !e.IsPartProperty))
        {
            var value = SettingsReader.Find(entry.Settings, entry.Kind + "Settings", "DefaultValue")
                ?? SettingsReader.Find(entry.Settings, "TextFieldPredefinedListEditorSettings", "DefaultValue");
            if (value is null || item.GetOrCreatePart(entry.PartName)[entry.Property] is not null)
            {
                continue;
            }

            var property = entry.Kind == ContentNames.TextField ? "Text" : "Value";
            item.GetOrCreatePart(entry.PartName)[entry.Property] = new JsonObject { [property] = value.DeepClone() };
        }
    }

    /// <summary>Writes the form's values into the item; problems the form itself has (a number that is not one) are returned by path.</summary>
    public List<ContentError> Bind(ContentItem item, IFormCollection form, IReadOnlyDictionary<string, string>? uploaded = null)
    {
        var errors = new List<ContentError>();
        foreach (var entry in Entries.Where(e => e.IsPartProperty))
        {
            var value = form[entry.Path].ToString();
            item.GetOrCreatePart(entry.PartName)[entry.Property] = value.Length == 0 && entry.Kind is not ("Markdown" or "Html") ? null : value;
        }

        foreach (var entry in Entries.Where(e => !e.IsPartProperty))
        {
            var part = item.GetOrCreatePart(entry.PartName);
            var field = part[entry.Property] as JsonObject ?? [];
            part[entry.Property] = field;
            var value = form[entry.Path].ToString();
            switch (entry.Kind)
            {
                case ContentNames.TextField:
                    field["Text"] = value.Length == 0 ? null : value;
                    break;
                case ContentNames.MarkdownField:
                    field["Markdown"] = value;
                    break;
                case ContentNames.HtmlField:
                    field["Html"] = value;
                    break;
                case ContentNames.BooleanField:
                    field["Value"] = form[entry.Path].Contains("true");
                    break;
                case ContentNames.NumericField:
                    if (value.Length == 0)
                    {
                        field["Value"] = null;
                    }
                    else if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                    {
                        field["Value"] = number;
                    }
                    else
                    {
                        errors.Add(new ContentError(entry.Path, $"“{value}” is not a number; write it with digits, like 3 or 2.5."));
                    }

                    break;
                case ContentNames.DateField or ContentNames.DateTimeField:
                    if (value.Length == 0)
                    {
                        field["Value"] = null;
                    }
                    else if (DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
                    {
                        field["Value"] = date.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                    }
                    else
                    {
                        errors.Add(new ContentError(entry.Path, $"“{value}” is not a date."));
                    }

                    break;
                case ContentNames.LinkField:
                    field["Url"] = value.Length == 0 ? null : value;
                    field["Text"] = NullIfEmpty(form[entry.Path + ".Text"].ToString());
                    break;
                case ContentNames.ContentPickerField:
                    field["ContentItemIds"] = new JsonArray(form[entry.Path].Where(v => !string.IsNullOrEmpty(v)).Select(v => (JsonNode?)v).ToArray());
                    break;
                case ContentNames.MultiTextField:
                    field["Values"] = new JsonArray(form[entry.Path].Where(v => !string.IsNullOrEmpty(v)).Select(v => (JsonNode?)v).ToArray());
                    break;
                case ContentNames.MediaField:
                    value = uploaded?.GetValueOrDefault(entry.Path) ?? value;
                    var alt = form[entry.Path + ".Alt"].ToString();
                    field["Paths"] = value.Length == 0 ? new JsonArray() : new JsonArray(value);
                    field["MediaTexts"] = value.Length == 0 ? new JsonArray() : new JsonArray(alt);
                    break;
            }
        }

        return errors;
    }

    private static EditorEntry Built(string partName, string property, string kind, string label, JsonNode? value, bool required = false, string? hint = null) =>
        new($"{partName}.{property}", kind, label, [], value is null ? null : new JsonObject { ["Value"] = value.DeepClone() }) { IsPartProperty = true, Required = required, BuiltInHint = hint };

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

/// <summary>One editor on the form: a field, or a property of a built-in part (a title, a path, a body).</summary>
public sealed record EditorEntry(string Path, string Kind, string Label, JsonObject Settings, JsonObject? Data)
{
    public bool IsPartProperty { get; init; }

    public bool Required { get; init; }

    public string? BuiltInHint { get; init; }

    public string PartName => Path[..Path.IndexOf('.', StringComparison.Ordinal)];

    public string Property => Path[(Path.IndexOf('.', StringComparison.Ordinal) + 1)..];

    public string Id => "f-" + Path.Replace('.', '-');

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
    public IReadOnlyList<(string Label, string Value)> Options
    {
        get
        {
            var list = SettingsReader.Find(Settings, "TextFieldPredefinedListEditorSettings", "Options") ?? SettingsReader.Find(Settings, "MultiTextFieldSettings", "Options");
            return list is JsonArray options
                ? options.OfType<JsonObject>().Select(o => (Label: Read(o, "name") ?? Read(o, "Name") ?? "", Value: Read(o, "value") ?? Read(o, "Value") ?? "")).ToList()
                : [];

            static string? Read(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        }
    }

    public IReadOnlyList<string> PickerTypes => SettingsReader.Texts(Settings, "ContentPickerFieldSettings", "DisplayedContentTypes");

    public bool Multiple => SettingsReader.Bool(Settings, Kind + "Settings", "Multiple") ?? false;
}

/// <summary>What the editor partial renders for one entry: the entry, its errors and, for a picker, the items to pick from.</summary>
public sealed record EditorEntryView(EditorEntry Entry, IReadOnlyList<ContentError> Errors, IReadOnlyList<ContentChoice> Choices);
