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

    public ContentItem Item { get; }

    public ContentTypeDefinition Type { get; }

    public ContentDefinitions Definitions { get; }

    /// <summary>Questions about other items (is a route taken, does an item exist).</summary>
    public IContentLookup Lookup { get; }

    /// <summary>True while a recipe imports the item: values it brings (such as a route path) are kept as given.</summary>
    public bool IsImport { get; init; }

    public ContentIndexValues Index { get; } = new();

    public List<ContentError> Errors { get; } = [];

    public void AddError(string path, string message) => Errors.Add(new ContentError(path, message));

    /// <summary>The type's parts of one part definition, e.g. every MarkdownBodyPart, with the item's data for each.</summary>
    public IEnumerable<(ContentTypePartDefinition Definition, JsonObject? Data)> PartsOf(string partName) =>
        Type.PartsInOrder.Where(p => p.PartName == partName).Select(p => (p, Item.Part(p.Name)));

    /// <summary>Every field of one field type on this type, with the item's data for each (null when absent).</summary>
    public IEnumerable<ContentFieldEntry> FieldsOf(string fieldType)
    {
        foreach (var typePart in Type.PartsInOrder)
        {
            if (Definitions.FindPart(typePart.PartName) is not { } part)
            {
                continue;
            }

            foreach (var field in part.FieldsInOrder.Where(f => f.FieldName == fieldType))
            {
                yield return new ContentFieldEntry(typePart.Name, field, Item.Part(typePart.Name)?[field.Name] as JsonObject);
            }
        }
    }
}

/// <summary>A field on the type being saved: its part's name in the item, its definition and its data.</summary>
public sealed record ContentFieldEntry(string PartName, ContentPartFieldDefinition Definition, JsonObject? Data)
{
    /// <summary>The key of the field in rendered output and error paths: "Part.Field".</summary>
    public string Path => $"{PartName}.{Definition.Name}";
}

/// <summary>A problem with a content item, at a path such as "TitlePart.Title" or "Counselor.Photo".</summary>
public sealed record ContentError(string Path, string Message);
