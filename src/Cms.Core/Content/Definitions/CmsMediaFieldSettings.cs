using System.Text.Json.Nodes;

namespace Cms.Content.Definitions;

/// <summary>
/// This host's own settings of a media field, in a settings object of its own name beside Orchard's MediaFieldSettings.
/// Orchard keeps a settings object it has no class for untouched, but rebuilds MediaFieldSettings from its class whenever
/// an administrator saves the field, dropping what the class does not have; a rule kept there would be lost. "Cms", as in
/// this host's feature ids (Cms.Practice), says whose object it is; the rule is the host's, not the practice module's.
/// </summary>
public static class CmsMediaFieldSettings
{
    public const string Name = "CmsMediaFieldSettings";
    public const string RequireMediaText = "RequireMediaText";

    /// <summary>
    /// Whether every image needs a description. Definitions stored by an earlier version may still hold the rule in
    /// MediaFieldSettings (an import or an export moves it, an admin save rewrites it), so that place is read when this one is silent.
    /// </summary>
    public static bool RequiresMediaText(JsonObject fieldSettings) =>
        (SettingsReader.Bool(fieldSettings, Name, RequireMediaText) ?? SettingsReader.Bool(fieldSettings, ContentNames.MediaFieldSettings, RequireMediaText)) == true;

    public static void SetRequireMediaText(JsonObject fieldSettings, bool required)
    {
        RemoveFormerPlace(fieldSettings);
        Own(fieldSettings)[RequireMediaText] = required;
    }

    /// <summary>Moves the rule from where earlier versions wrote it (MediaFieldSettings.RequireMediaText) into this object; a value already here wins.</summary>
    internal static void MoveFromFormerPlace(JsonObject fieldSettings)
    {
        if (RemoveFormerPlace(fieldSettings) is { } former && !(fieldSettings[Name] is JsonObject own && KeyIn(own) is not null))
        {
            Own(fieldSettings)[RequireMediaText] = former;
        }
    }

    private static JsonNode? RemoveFormerPlace(JsonObject fieldSettings)
    {
        if (fieldSettings[ContentNames.MediaFieldSettings] is not JsonObject block || KeyIn(block) is not { } key)
        {
            return null;
        }

        var value = block[key];
        block.Remove(key);
        return value;
    }

    private static JsonObject Own(JsonObject fieldSettings)
    {
        if (fieldSettings[Name] is not JsonObject own)
        {
            own = [];
            fieldSettings[Name] = own;
        }

        return own;
    }

    // Orchard reads settings properties ignoring case.
    private static string? KeyIn(JsonObject block) =>
        block.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, RequireMediaText, StringComparison.OrdinalIgnoreCase));
}
