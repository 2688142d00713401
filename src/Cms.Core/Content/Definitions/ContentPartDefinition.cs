using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Cms.Content.Definitions;

/// <summary>A part definition and its fields; a type's own fields live in the part named like the type.</summary>
public sealed class ContentPartDefinition
{
    public string Name { get; set; } = "";

    public JsonObject Settings { get; set; } = [];

    public List<ContentPartFieldDefinition> ContentPartFieldDefinitionRecords { get; set; } = [];

    [JsonIgnore]
    public IEnumerable<ContentPartFieldDefinition> FieldsInOrder =>
        ContentPartFieldDefinitionRecords.Select((definition, index) => (definition, index))
            .OrderBy(f => SettingsReader.Number(f.definition.Settings, ContentNames.ContentPartFieldSettings, "Position") ?? f.index)
            .ThenBy(f => f.index)
            .Select(f => f.definition);
}
