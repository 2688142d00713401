using System.Text.Json.Nodes;

namespace Cms.Content.Definitions;

/// <summary>
/// Applies Orchard's ContentDefinition, ReplaceContentDefinition and DeleteContentDefinition semantics to
/// a copy of a tenant's definitions: create-or-alter with merged settings, exact replacement, removal.
/// </summary>
internal static class ContentDefinitionEditor
{
    /// <summary>Create or alter: listed parts and fields are added or updated, unlisted ones stay.</summary>
    public static void Alter(ContentDefinitions definitions, IEnumerable<ContentTypeDefinition> types, IEnumerable<ContentPartDefinition> parts)
    {
        foreach (var type in types)
        {
            var target = definitions.FindType(type.Name);
            if (target is null)
            {
                target = new ContentTypeDefinition { Name = type.Name, DisplayName = type.Name };
                definitions.ContentTypeDefinitionRecords.Add(target);
            }

            // As in Orchard: the type's own settings apply only with a display name.
            if (!string.IsNullOrEmpty(type.DisplayName))
            {
                target.DisplayName = type.DisplayName;
                JsonMerge.Into(target.Settings, type.Settings);
            }

            foreach (var part in type.ContentTypePartDefinitionRecords)
            {
                var name = string.IsNullOrEmpty(part.Name) ? part.PartName : part.Name;
                var existing = target.FindPart(name);
                if (existing is null)
                {
                    existing = new ContentTypePartDefinition { Name = name, PartName = part.PartName };
                    target.ContentTypePartDefinitionRecords.Add(existing);
                }

                existing.PartName = part.PartName;
                JsonMerge.Into(existing.Settings, part.Settings);
            }
        }

        foreach (var part in parts)
        {
            var target = definitions.FindPart(part.Name);
            if (target is null)
            {
                target = new ContentPartDefinition { Name = part.Name };
                definitions.ContentPartDefinitionRecords.Add(target);
            }

            JsonMerge.Into(target.Settings, part.Settings);
            foreach (var field in part.ContentPartFieldDefinitionRecords)
            {
                var existing = target.ContentPartFieldDefinitionRecords.FirstOrDefault(f => f.Name == field.Name);
                if (existing is null)
                {
                    existing = new ContentPartFieldDefinition { Name = field.Name, FieldName = field.FieldName };
                    target.ContentPartFieldDefinitionRecords.Add(existing);
                }

                existing.FieldName = field.FieldName;
                JsonMerge.Into(existing.Settings, field.Settings);
            }
        }
    }

    /// <summary>Exact replacement: listed parts and types are removed, then created from the step alone.</summary>
    public static void Replace(ContentDefinitions definitions, IReadOnlyList<ContentTypeDefinition> types, IReadOnlyList<ContentPartDefinition> parts)
    {
        Delete(definitions, types.Select(t => t.Name), parts.Select(p => p.Name));
        Alter(definitions, types, parts);
    }

    /// <summary>Removes types and parts by name; names that do not exist are ignored, as in Orchard.</summary>
    public static void Delete(ContentDefinitions definitions, IEnumerable<string> typeNames, IEnumerable<string> partNames)
    {
        var types = typeNames.ToHashSet(StringComparer.Ordinal);
        var parts = partNames.ToHashSet(StringComparer.Ordinal);
        definitions.ContentTypeDefinitionRecords.RemoveAll(t => types.Contains(t.Name));
        definitions.ContentPartDefinitionRecords.RemoveAll(p => parts.Contains(p.Name));
    }

    public static ContentDefinitions Copy(ContentDefinitions definitions) =>
        System.Text.Json.JsonSerializer.Deserialize<ContentDefinitions>(System.Text.Json.JsonSerializer.Serialize(definitions))!;

    public static JsonObject ToJson(ContentDefinitions definitions) =>
        System.Text.Json.JsonSerializer.SerializeToNode(definitions)!.AsObject();
}
