namespace Cms.Content.Definitions;

/// <summary>A tenant's content definitions, stored as one document in Orchard's <c>ContentDefinitionRecord</c> shape.</summary>
public sealed class ContentDefinitions
{
    public const string DocumentKey = "content-definitions";

    public static readonly ContentDefinitions Empty = new();

    public List<ContentTypeDefinition> ContentTypeDefinitionRecords { get; set; } = [];

    public List<ContentPartDefinition> ContentPartDefinitionRecords { get; set; } = [];

    public ContentTypeDefinition? FindType(string name) =>
        ContentTypeDefinitionRecords.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));

    public ContentPartDefinition? FindPart(string name) =>
        ContentPartDefinitionRecords.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}
