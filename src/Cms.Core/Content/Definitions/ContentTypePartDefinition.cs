using System.Text.Json.Nodes;

namespace Cms.Content.Definitions;

/// <summary>A part attached to a type: <c>PartName</c> is the part definition, <c>Name</c> the instance name in the item.</summary>
public sealed class ContentTypePartDefinition
{
    public string PartName { get; set; } = "";

    public string Name { get; set; } = "";

    public JsonObject Settings { get; set; } = [];
}
