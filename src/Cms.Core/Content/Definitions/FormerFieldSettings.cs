using System.Text.Json.Nodes;

namespace Cms.Content.Definitions;

/// <summary>
/// Field settings earlier versions of this host wrote under names stock Orchard Core does not read, rewritten as Orchard reads
/// them wherever definitions come in or go out (recipe import and export): the MultiTextField editor "Checkbox" (Orchard's is
/// CheckboxList; it drew a list box instead) and MediaFieldSettings.RequireMediaText (Orchard drops it; now CmsMediaFieldSettings).
/// </summary>
internal static class FormerFieldSettings
{
    private const string FormerCheckboxEditor = "Checkbox";

    public static void Upgrade(IEnumerable<ContentPartDefinition> parts)
    {
        foreach (var field in parts.SelectMany(p => p.ContentPartFieldDefinitionRecords))
        {
            Upgrade(field);
        }
    }

    public static void Upgrade(ContentPartFieldDefinition field)
    {
        switch (field.FieldName)
        {
            case ContentNames.MediaField:
                CmsMediaFieldSettings.MoveFromFormerPlace(field.Settings);
                break;
            case ContentNames.MultiTextField when field.Settings[ContentNames.ContentPartFieldSettings] is JsonObject display:
                // Orchard reads the key ignoring case; the value it matches to a view by name.
                var key = display.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, "Editor", StringComparison.OrdinalIgnoreCase));
                if (key is not null && display[key] is JsonValue editor && editor.TryGetValue<string>(out var name) && name == FormerCheckboxEditor)
                {
                    display[key] = ContentNames.CheckboxListEditor;
                }

                break;
        }
    }
}
