using Cms.Admin.Editors;
using Cms.Content;

namespace Cms.Admin.History;

/// <summary>
/// A field's value as a person reads it, for comparing versions: picked items by title, choices by their label, yes or
/// no, times in the practice's zone; one line per value of a field that holds several.
/// </summary>
/// <param name="titles">Titles of the items the pickers hold, by id (see <see cref="PickedIds"/>).</param>
public sealed class FieldText(IReadOnlyDictionary<string, string> titles, TimeZoneInfo zone)
{
    public static IReadOnlyList<string> PickedIds(IEnumerable<EditorEntry> entries) =>
        entries.Where(e => e.Kind == ContentNames.ContentPickerField).SelectMany(e => e.Strings("ContentItemIds")).Distinct(StringComparer.Ordinal).ToList();

    public string Of(EditorEntry entry)
    {
        if (entry.IsPartProperty)
        {
            return entry.Text();
        }

        return entry.Kind switch
        {
            ContentNames.TextField => Choice(entry, entry.Text()),
            ContentNames.MarkdownField => entry.Text("Markdown"),
            ContentNames.HtmlField => entry.Text("Html"),
            ContentNames.BooleanField => entry.Bool ? "Yes" : "No",
            ContentNames.NumericField => entry.Number,
            ContentNames.DateField => FieldTime.ToInput(entry.Text("Value"), null),
            ContentNames.DateTimeField => FieldTime.ToInput(entry.Text("Value"), zone).Replace('T', ' '),
            ContentNames.LinkField => entry.Text("Text") is { Length: > 0 } text ? $"{text} ({entry.Text("Url")})" : entry.Text("Url"),
            ContentNames.ContentPickerField => Lines(entry.Strings("ContentItemIds").Select(id => titles.GetValueOrDefault(id, id))),
            ContentNames.MultiTextField => Lines(entry.Strings("Values").Select(v => Choice(entry, v))),
            ContentNames.MediaField => Media(entry),
            _ => entry.Data?.ToJsonString() ?? "",
        };
    }

    // A predefined list's value shown by its option's label ("Ongoing: more parts coming" rather than "ongoing").
    private static string Choice(EditorEntry entry, string value) =>
        value.Length == 0 ? "" : entry.Options.FirstOrDefault(o => o.Value == value).Label ?? value;

    // An image with its description, which is part of what the item says.
    private static string Media(EditorEntry entry)
    {
        var texts = entry.Strings("MediaTexts");
        return Lines(entry.Strings("Paths").Select((path, i) => i < texts.Count && texts[i].Length > 0 ? $"{path} ({texts[i]})" : path));
    }

    private static string Lines(IEnumerable<string> values) => string.Join('\n', values);
}
