using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Cms.Content.Definitions;

/// <summary>A content type in Orchard's record shape: settings keyed by settings-class name, its parts in position order.</summary>
public sealed class ContentTypeDefinition
{
    public string Name { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public JsonObject Settings { get; set; } = [];

    public List<ContentTypePartDefinition> ContentTypePartDefinitionRecords { get; set; } = [];

    [JsonIgnore]
    public IEnumerable<ContentTypePartDefinition> PartsInOrder =>
        ContentTypePartDefinitionRecords.Select((part, index) => (part, index))
            .OrderBy(p => SettingsReader.Number(p.part.Settings, ContentNames.ContentTypePartSettings, "Position") ?? p.index)
            .ThenBy(p => p.index)
            .Select(p => p.part);

    public bool Setting(string key) => SettingsReader.Bool(Settings, ContentNames.ContentTypeSettings, key) ?? false;

    /// <summary>Whether the admin lists its items (Listable or Creatable); the others live inside items or settings.</summary>
    public bool IsListed => Setting("Listable") || Setting("Creatable");

    public string? Stereotype => SettingsReader.Text(Settings, ContentNames.ContentTypeSettings, "Stereotype");

    public ContentTypePartDefinition? FindPart(string name) =>
        ContentTypePartDefinitionRecords.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    public bool HasPart(string partName) =>
        ContentTypePartDefinitionRecords.Any(p => string.Equals(p.PartName, partName, StringComparison.Ordinal));
}
