using System.Text.Json.Nodes;
using Cms.Content.Definitions;

namespace Cms.Content.Handlers;

/// <summary>What a handler sees of a version about to be stored, and where it puts what it derives.</summary>
public sealed class ContentSavingContext
{
    public ContentSavingContext(ContentItem item, ContentTypeDefinition type, ContentDefinitions definitions, IContentLookup lookup)
    {
        Item = item;
        Type = type;
        Definitions = definitions;
        Lookup = lookup;
    }

    private readonly Dictionary<ContentTypeDefinition, IReadOnlyList<(ContentTypePartDefinition TypePart, IReadOnlyList<ContentPartFieldDefinition> Fields)>> _layouts = new(ReferenceEqualityComparer.Instance);

    public ContentItem Item { get; }

    public ContentTypeDefinition Type { get; }

    public ContentDefinitions Definitions { get; }

    /// <summary>Questions about other items (is a route taken, does an item exist).</summary>
    public IContentLookup Lookup { get; }

    /// <summary>True while a recipe imports the item: values it brings (such as a route path) are kept as given.</summary>
    public bool IsImport { get; init; }

    /// <summary>
    /// True when the version is only checked (a recipe's check, a dry-run) and never stored: a handler may skip work whose
    /// only outcome is what would be stored (rendered HTML, search text), but every rule that can refuse must still run.
    /// </summary>
    public bool IsCheckOnly { get; init; }

    /// <summary>What the handlers did ahead for the items of the import under way; null outside an import.</summary>
    public PreparedWork? Prepared { get; init; }

    public ContentIndexValues Index { get; } = new();

    public List<ContentError> Errors { get; } = [];

    public void AddError(string path, string message) => Errors.Add(new ContentError(path, message));

    /// <summary>The type's parts of one part definition, e.g. every MarkdownBodyPart, with the item's data for each.</summary>
    public IEnumerable<(ContentTypePartDefinition Definition, JsonObject? Data)> PartsOf(string partName) =>
        LayoutOf(Type).Where(p => p.TypePart.PartName == partName).Select(p => (p.TypePart, Item.Part(p.TypePart.Name)));

    /// <summary>
    /// Every field of one field type on this type, with the item's data for each (null when absent), then those of the
    /// items inside its bags (BagPart), whose paths say where they are: "Memberships.ContentItems.0.Membership.Organization".
    /// </summary>
    public IEnumerable<ContentFieldEntry> FieldsOf(string fieldType) => FieldsOf(fieldType, Type, Item.Data, "", depth: 0);

    // A type's parts and their fields in order, read from the definitions once per version rather than once per handler
    // and field type (sorting them again each time was a tenth of an import's work).
    private IReadOnlyList<(ContentTypePartDefinition TypePart, IReadOnlyList<ContentPartFieldDefinition> Fields)> LayoutOf(ContentTypeDefinition type)
    {
        if (!_layouts.TryGetValue(type, out var layout))
        {
            layout = type.PartsInOrder
                .Select(p => (p, (IReadOnlyList<ContentPartFieldDefinition>)(Definitions.FindPart(p.PartName)?.FieldsInOrder.ToList() ?? [])))
                .ToList();
            _layouts[type] = layout;
        }

        return layout;
    }

    // Bags inside bags are followed a few levels down, far beyond what a type needs, never endlessly.
    private IEnumerable<ContentFieldEntry> FieldsOf(string fieldType, ContentTypeDefinition type, JsonObject data, string prefix, int depth)
    {
        foreach (var (typePart, fields) in LayoutOf(type))
        {
            var partData = data[typePart.Name] as JsonObject;
            if (typePart.PartName == ContentNames.BagPart && depth < 4 && partData?["ContentItems"] is JsonArray items)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is JsonObject inner && inner["ContentType"] is JsonValue name && name.TryGetValue<string>(out var innerType) && Definitions.FindType(innerType) is { } definition)
                    {
                        foreach (var field in FieldsOf(fieldType, definition, inner, $"{prefix}{typePart.Name}.ContentItems.{i}.", depth + 1))
                        {
                            yield return field;
                        }
                    }
                }
            }

            foreach (var field in fields.Where(f => f.FieldName == fieldType))
            {
                yield return new ContentFieldEntry(typePart.Name, field, partData?[field.Name] as JsonObject) { PartData = partData, Prefix = prefix };
            }
        }
    }
}

/// <summary>A field on the type being saved (or on an item inside one of its bags): its part's name, its definition and its data.</summary>
public sealed record ContentFieldEntry(string PartName, ContentPartFieldDefinition Definition, JsonObject? Data)
{
    /// <summary>The object of the part the field is in, when the item has it.</summary>
    public JsonObject? PartData { get; init; }

    /// <summary>Where the item that has the field is, for an item inside a bag: "Memberships.ContentItems.0."; empty otherwise.</summary>
    public string Prefix { get; init; } = "";

    /// <summary>The key of the field in rendered output and error paths: "Part.Field", after the prefix of a bag's item.</summary>
    public string Path => $"{Prefix}{PartName}.{Definition.Name}";
}

/// <summary>A problem with a content item, at a path such as "TitlePart.Title" or "Counselor.Photo".</summary>
public sealed record ContentError(string Path, string Message);
