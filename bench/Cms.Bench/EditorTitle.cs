namespace Cms.Bench;

/// <summary>The title in an article's editor form, as <see cref="AdminClient.OpenEditorAsync"/> reads the form.</summary>
internal static class EditorTitle
{
    private const string Field = "TitlePart.Title";

    public static List<KeyValuePair<string, string>> With(IEnumerable<KeyValuePair<string, string>> fields, string title) =>
        fields.Select(field => field.Key == Field ? new KeyValuePair<string, string>(Field, title) : field).ToList();

    public static string Of(IEnumerable<KeyValuePair<string, string>> fields) =>
        fields.FirstOrDefault(field => field.Key == Field).Value
        ?? throw new InvalidOperationException($"The editor has no {Field} field.");
}
