using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Content;
using Cms.Content.Definitions;
using Cms.Recipes.Execution;

namespace Cms.Recipes.Steps;

/// <summary>Reads and checks the ContentTypes and ContentParts of the definition steps.</summary>
internal static class DefinitionRecords
{
    /// <summary>The parts this host gives behaviour to; other parts are stored and exported unchanged.</summary>
    private static readonly HashSet<string> s_parts =
    [
        ContentNames.TitlePart, ContentNames.AutoroutePart, ContentNames.MarkdownBodyPart, ContentNames.HtmlBodyPart,
        ContentNames.ListPart, ContentNames.ContainedPart, ContentNames.BagPart, ContentNames.SeoMetaPart,
    ];

    private static readonly HashSet<string> s_fields =
    [
        ContentNames.TextField, ContentNames.BooleanField, ContentNames.NumericField, ContentNames.DateField,
        ContentNames.DateTimeField, ContentNames.LinkField, ContentNames.ContentPickerField, ContentNames.MediaField,
        ContentNames.HtmlField, ContentNames.MarkdownField, ContentNames.MultiTextField,
    ];

    private static readonly JsonSerializerOptions s_json = new() { PropertyNameCaseInsensitive = true };

    public static (List<ContentTypeDefinition> Types, List<ContentPartDefinition> Parts) Read(RecipeStepContext step, RecipeValidation? validation)
    {
        var types = ReadList<ContentTypeDefinition>(step, "ContentTypes", validation);
        var parts = ReadList<ContentPartDefinition>(step, "ContentParts", validation);
        FormerFieldSettings.Upgrade(parts);
        if (validation is null)
        {
            return (types, parts);
        }

        for (var t = 0; t < types.Count; t++)
        {
            var pointer = $"{step.PointerOf("ContentTypes")}/{t}";
            if (string.IsNullOrWhiteSpace(types[t].Name))
            {
                validation.Error(step.Index, pointer + "/Name", "A content type needs a Name.");
            }

            for (var p = 0; p < types[t].ContentTypePartDefinitionRecords.Count; p++)
            {
                if (string.IsNullOrWhiteSpace(types[t].ContentTypePartDefinitionRecords[p].PartName))
                {
                    validation.Error(step.Index, $"{pointer}/ContentTypePartDefinitionRecords/{p}/PartName", "A part on a type needs a PartName.");
                }
            }
        }

        for (var p = 0; p < parts.Count; p++)
        {
            var pointer = $"{step.PointerOf("ContentParts")}/{p}";
            if (string.IsNullOrWhiteSpace(parts[p].Name))
            {
                validation.Error(step.Index, pointer + "/Name", "A content part needs a Name.");
            }

            for (var f = 0; f < parts[p].ContentPartFieldDefinitionRecords.Count; f++)
            {
                var field = parts[p].ContentPartFieldDefinitionRecords[f];
                if (string.IsNullOrWhiteSpace(field.Name) || string.IsNullOrWhiteSpace(field.FieldName))
                {
                    validation.Error(step.Index, $"{pointer}/ContentPartFieldDefinitionRecords/{f}", "A field needs a Name and a FieldName (its type, such as TextField).");
                }
            }
        }

        return (types, parts);
    }

    /// <summary>Names the parts and fields the definitions use that this host keeps as data without behaviour.</summary>
    public static void ReportUnsupported(RecipeStepContext step, RecipeValidation validation, IEnumerable<ContentTypeDefinition> types, IEnumerable<ContentPartDefinition> parts)
    {
        var definedParts = validation.Definitions.ContentPartDefinitionRecords.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        // A type's own part (named as the type) holds the fields added to it: known without a definition, as in Orchard.
        var unknownParts = types.SelectMany(t => t.ContentTypePartDefinitionRecords.Where(p => p.PartName != t.Name))
            .Select(p => p.PartName)
            .Where(p => !s_parts.Contains(p) && !definedParts.Contains(p) && !validation.IsModulePart(p))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        if (unknownParts.Count > 0)
        {
            validation.Unsupported(step.Index, step.PointerOf("ContentTypes"), $"Parts without behaviour here; their data is kept and exported as is: {string.Join(", ", unknownParts)}.");
        }

        var unknownFields = parts.SelectMany(p => p.ContentPartFieldDefinitionRecords)
            .Select(f => f.FieldName)
            .Where(f => !string.IsNullOrEmpty(f) && !s_fields.Contains(f))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        if (unknownFields.Count > 0)
        {
            validation.Unsupported(step.Index, step.PointerOf("ContentParts"), $"Field types without behaviour here; their data is kept and exported as is: {string.Join(", ", unknownFields)}.");
        }
    }

    public static List<string> Names(RecipeStepContext step, string property, RecipeValidation? validation)
    {
        var node = step.Property(property);
        if (node is null)
        {
            return [];
        }

        if (node is JsonArray array && array.All(e => e is JsonValue v && v.TryGetValue<string>(out _)))
        {
            return array.Select(e => e!.GetValue<string>()).ToList();
        }

        validation?.Error(step.Index, step.PointerOf(property), $"'{property}' must be a list of names.");
        return [];
    }

    private static List<T> ReadList<T>(RecipeStepContext step, string property, RecipeValidation? validation)
    {
        var node = step.Property(property);
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray array)
        {
            validation?.Error(step.Index, step.PointerOf(property), $"'{property}' must be a list.");
            return [];
        }

        var result = new List<T>();
        for (var i = 0; i < array.Count; i++)
        {
            try
            {
                result.Add(array[i].Deserialize<T>(s_json) ?? throw new JsonException("null"));
            }
            catch (JsonException e)
            {
                validation?.Error(step.Index, $"{step.PointerOf(property)}/{i}", $"Not a valid {typeof(T).Name.Replace("Definition", "", StringComparison.Ordinal)} record: {e.Message}");
            }
        }

        return result;
    }
}
