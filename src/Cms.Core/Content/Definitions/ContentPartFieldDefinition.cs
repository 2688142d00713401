using System.Text.Json.Nodes;

namespace Cms.Content.Definitions;

/// <summary>A field of a part: <c>FieldName</c> is the field type (TextField...), <c>Name</c> its name in the part.</summary>
public sealed class ContentPartFieldDefinition
{
    public string FieldName { get; set; } = "";

    public string Name { get; set; } = "";

    public JsonObject Settings { get; set; } = [];

    public string DisplayName => SettingsReader.Text(Settings, ContentNames.ContentPartFieldSettings, "DisplayName") ?? Name;
}
