using System.Globalization;
using System.Text.Json.Nodes;
using Cms.Admin.Definitions;
using Cms.Content;
using Cms.Content.Handlers;
using Cms.Content.Definitions;
using Microsoft.AspNetCore.Http;

namespace Cms.Admin.Editors;

/// <summary>
/// The editor of a content item, built from its type definition: one editor per part and field, in position
/// order, and the items of its bags with the editors of their own types. Binding a form writes only what the
/// editors show; everything else in the item (unknown parts and fields) stays as it was.
/// </summary>
public sealed class ItemEditor
{
    /// <summary>An editor with at least this many entries in this many sections shows them as sections with a jump list.</summary>
    private const int LongEntries = 10;
    private const int LongSections = 3;

    private ItemEditor(ContentTypeDefinition type, IReadOnlyList<EditorEntry> entries, IReadOnlyList<EditorSection> sections)
    {
        Type = type;
        Entries = entries;
        Sections = sections;
    }

    public ContentTypeDefinition Type { get; }

    public IReadOnlyList<EditorEntry> Entries { get; }

    /// <summary>The entries by part, in order: what a long editor shows as sections.</summary>
    public IReadOnlyList<EditorSection> Sections { get; }

    /// <summary>Whether the form is long enough (a counselor's profile) to be shown in sections with a jump list.</summary>
    public bool IsLong => Entries.Count >= LongEntries && Sections.Count >= LongSections;

    /// <summary>The entries and those of the items inside the bags.</summary>
    public IEnumerable<EditorEntry> AllEntries =>
        Entries.SelectMany(e => e.Bag is { } bag ? bag.Rows.SelectMany(r => r.Editor.Entries).Prepend(e) : [e]);

    /// <param name="prefix">Where the item is on the form, for an item inside a bag ("Memberships.ContentItems.0."). Bags
    /// of such an item are not edited: they are kept as they are.</param>
    public static ItemEditor For(ContentTypeDefinition type, ContentDefinitions definitions, ContentItem item, string prefix = "")
    {
        var entries = new List<EditorEntry>();
        var sections = new List<(string Part, string Title, int From)>();
        foreach (var typePart in type.PartsInOrder)
        {
            var data = item.Part(typePart.Name);
            var label = SettingsReader.Text(typePart.Settings, ContentNames.ContentTypePartSettings, "DisplayName");
            sections.Add((typePart.Name, label ?? SectionTitle(type, typePart), entries.Count));
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
                case ContentNames.BagPart when prefix.Length == 0:
                    entries.Add(new EditorEntry($"{typePart.Name}.ContentItems", ContentNames.BagPart, label ?? typePart.Name, typePart.Settings, data)
                    {
                        Bag = BagEditor.For(typePart, definitions, data),
                        BuiltInHint = SettingsReader.Text(typePart.Settings, ContentNames.ContentTypePartSettings, "Description"),
                    });
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

        var all = prefix.Length == 0 ? entries : entries.ConvertAll(e => e with { Prefix = prefix });
        var grouped = sections.Select((s, i) => new EditorSection("section-" + s.Part, s.Title, all.GetRange(s.From, (i + 1 < sections.Count ? sections[i + 1].From : all.Count) - s.From)))
            .Where(s => s.Entries.Count > 0).ToList();
        return new ItemEditor(type, all, grouped);
    }

    // What a part's section is called when its definition gives it no name.
    private static string SectionTitle(ContentTypeDefinition type, ContentTypePartDefinition typePart) => typePart.PartName switch
    {
        ContentNames.TitlePart => "Title",
        ContentNames.AutoroutePart => "Web address",
        ContentNames.MarkdownBodyPart or ContentNames.HtmlBodyPart => "Text",
        ContentNames.SeoMetaPart => "Search engines",
        _ when typePart.PartName == type.Name => "Details",
        _ => typePart.Name,
    };

    /// <summary>A new item starts with the default values its field settings give (DefaultValue), as Orchard's editors do.</summary>
    public void ApplyDefaults(ContentItem item)
    {
        foreach (var entry in Entries.Where(e => !e.IsPartProperty && e.Bag is null))
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
    /// <param name="zone">The site's time zone: a date and time field is typed in it and stored in UTC.</param>
    public List<ContentError> Bind(ContentItem item, IFormCollection form, TimeZoneInfo zone, IReadOnlyDictionary<string, string>? uploaded = null)
    {
        var errors = new List<ContentError>();
        foreach (var entry in Entries.Where(e => e.IsPartProperty))
        {
            var value = form[entry.Name].ToString();
            item.GetOrCreatePart(entry.PartName)[entry.Property] = value.Length == 0 && entry.Kind is not ("Markdown" or "Html") ? null : value;
        }

        foreach (var entry in Entries.Where(e => e.Bag is not null))
        {
            entry.Bag!.Bind(item, form, zone, uploaded, errors);
        }

        foreach (var entry in Entries.Where(e => !e.IsPartProperty && e.Bag is null))
        {
            var part = item.GetOrCreatePart(entry.PartName);
            var field = part[entry.Property] as JsonObject ?? [];
            part[entry.Property] = field;
            var value = form[entry.Name].ToString();
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
                    field["Value"] = form[entry.Name].Contains("true");
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
                        errors.Add(new ContentError(entry.Name, $"“{value}” is not a number; write it with digits, like 3 or 2.5."));
                    }

                    break;
                case ContentNames.DateField or ContentNames.DateTimeField:
                    if (value.Length == 0)
                    {
                        field["Value"] = null;
                    }
                    else if (FieldTime.FromInput(value, entry.Kind == ContentNames.DateTimeField ? zone : null) is { } stored)
                    {
                        field["Value"] = stored;
                    }
                    else
                    {
                        errors.Add(new ContentError(entry.Name, entry.Kind == ContentNames.DateTimeField ? $"“{value}” is not a date and time." : $"“{value}” is not a date."));
                    }

                    break;
                case ContentNames.LinkField:
                    field["Url"] = value.Length == 0 ? null : value;
                    field["Text"] = NullIfEmpty(form[entry.Name + ".Text"].ToString());
                    break;
                case ContentNames.ContentPickerField:
                    field["ContentItemIds"] = new JsonArray(form[entry.Name].Where(v => !string.IsNullOrEmpty(v)).Select(v => (JsonNode?)v).ToArray());
                    break;
                case ContentNames.MultiTextField:
                    field["Values"] = new JsonArray(form[entry.Name].Where(v => !string.IsNullOrEmpty(v)).Select(v => (JsonNode?)v).ToArray());
                    break;
                case ContentNames.MediaField:
                    BindMedia(field, form[entry.Name + ".Alt"], form[entry.Name], uploaded?.GetValueOrDefault(entry.Name));
                    break;
            }
        }

        return errors;
    }

    // One row per image (path and description); an upload fills the last row, the one for a new image. A row whose
    // path was cleared is the image removed.
    private static void BindMedia(JsonObject field, IList<string?> alts, IList<string?> paths, string? upload)
    {
        var rows = paths.Select((path, i) => (Path: path?.Trim() ?? "", Alt: i < alts.Count ? alts[i] ?? "" : "")).ToList();
        if (upload is not null)
        {
            rows = rows.Count == 0 ? [(upload, alts.FirstOrDefault() ?? "")] : [.. rows[..^1], (upload, rows[^1].Alt)];
        }

        rows.RemoveAll(r => r.Path.Length == 0);
        field["Paths"] = new JsonArray(rows.Select(r => (JsonNode?)r.Path).ToArray());
        field["MediaTexts"] = new JsonArray(rows.Select(r => (JsonNode?)r.Alt).ToArray());
    }

    private static EditorEntry Built(string partName, string property, string kind, string label, JsonNode? value, bool required = false, string? hint = null) =>
        new($"{partName}.{property}", kind, label, [], value is null ? null : new JsonObject { ["Value"] = value.DeepClone() }) { IsPartProperty = true, Required = required, BuiltInHint = hint };

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
