using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Content;
using Cms.Content.Definitions;
using Cms.Recipes.Execution;

namespace Cms.Recipes.Steps;

/// <summary>
/// <c>content</c>: imports content items one at a time from the streamed <c>data</c> array, with Orchard's
/// import semantics (see <see cref="ContentManager.ImportAsync"/>). Checked first: every item's envelope,
/// its type, and every reference it makes (pickers, containers) to an item in the tenant or the recipe.
/// </summary>
internal sealed class ContentStep : IRecipeStep
{
    public string Name => "content";

    public void Validate(RecipeStepContext step, RecipeValidation validation)
    {
    }

    public Task ApplyAsync(RecipeStepContext step, RecipeApplication application, CancellationToken cancellationToken) => Task.CompletedTask;

    public void ValidateItem(RecipeStepContext step, int itemIndex, JsonNode? item, RecipeValidation validation)
    {
        var pointer = $"{step.Pointer}/data/{itemIndex}";
        if (item is not JsonObject data)
        {
            validation.Error(step.Index, pointer, "A content item must be a JSON object.");
            return;
        }

        var id = Text(data, "ContentItemId", pointer, step, validation, required: true);
        var type = Text(data, "ContentType", pointer, step, validation, required: true);
        var versionId = Text(data, "ContentItemVersionId", pointer, step, validation, required: false);
        Text(data, "DisplayText", pointer, step, validation, required: false);
        foreach (var flag in new[] { "Latest", "Published" })
        {
            if (data[flag] is { } value && value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null))
            {
                validation.Error(step.Index, $"{pointer}/{flag}", $"{flag} must be true or false, not {value.ToJsonString()}.");
            }
        }

        foreach (var date in new[] { "CreatedUtc", "ModifiedUtc", "PublishedUtc" })
        {
            if (Text(data, date, pointer, step, validation, required: false) is { } text
                && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
            {
                validation.Error(step.Index, $"{pointer}/{date}", $"'{text}' is not a date.");
            }
        }

        if (id is not null)
        {
            validation.Declare(step, itemIndex, id, versionId);
        }

        if (type is null)
        {
            return;
        }

        var definition = validation.Definitions.FindType(type);
        if (definition is null)
        {
            validation.UnsupportedOnce("type:" + type, step.Index, $"{pointer}/ContentType", $"The content type '{type}' is not defined; its items are stored and exported as they are.");
            return;
        }

        CheckShapes(step, pointer, data, definition, validation);
        foreach (var (key, value) in data)
        {
            // ContainedPart is attached by the list an item is in, not by its type, as in Orchard.
            if (value is JsonObject && !ContentItem.IsEnvelopeKey(key) && key != ContentNames.ContainedPart && definition.FindPart(key) is null)
            {
                validation.UnsupportedOnce($"part:{type}:{key}", step.Index, $"{pointer}/{key}", $"'{key}' is not a part of the type '{type}'; its data is kept and exported as it is.");
            }
        }

        CollectReferences(step, pointer, data, definition, validation);
    }

    // Bodies are rendered ahead (a third of an import's work), on the core the store of the item before leaves idle;
    // not while items come unchanged (a recipe imported again), which are skipped without rendering anything.
    public Action? PrepareItem(JsonNode item, RecipeApplication application) =>
        item is JsonObject data && !application.LastItemUnchanged ? application.Content.Prepare(data) : null;

    public async Task ApplyItemAsync(RecipeStepContext step, int itemIndex, JsonNode? item, RecipeApplication application, CancellationToken cancellationToken)
    {
        var result = await application.Content.ImportAsync(new ContentItem(item!.AsObject()), cancellationToken);
        if (!result.Succeeded)
        {
            var pointer = $"{step.Pointer}/data/{itemIndex}";
            application.Refused.AddRange(result.Errors.Select(e => new RecipeMessage(step.Index, $"{pointer}/{e.Path.Replace('.', '/')}", e.Message)));
            return;
        }

        application.LastItemUnchanged = result.Skipped;
        application.Count(result.Skipped ? "items unchanged" : "items imported");
    }

    // The parts of the type, and the fields of its parts, are objects: a string in their place (as in "Article": "nope")
    // made the checks below and the handlers that read them fail with an exception instead of an answer.
    private static void CheckShapes(RecipeStepContext step, string pointer, JsonObject data, ContentTypeDefinition type, RecipeValidation validation)
    {
        foreach (var typePart in type.ContentTypePartDefinitionRecords)
        {
            var partPointer = $"{pointer}/{typePart.Name}";
            if (ObjectOrNull(step, partPointer, data[typePart.Name], $"'{typePart.Name}' is a part of the type '{type.Name}'", validation) is not { } part)
            {
                continue;
            }

            foreach (var field in validation.Definitions.FindPart(typePart.PartName)?.ContentPartFieldDefinitionRecords ?? [])
            {
                ObjectOrNull(step, $"{partPointer}/{field.Name}", part[field.Name], $"'{field.Name}' is a {field.FieldName} of '{typePart.Name}'", validation);
            }
        }

        ObjectOrNull(step, $"{pointer}/{ContentNames.ContainedPart}", data[ContentNames.ContainedPart], $"'{ContentNames.ContainedPart}' is a part", validation);
    }

    private static JsonObject? ObjectOrNull(RecipeStepContext step, string pointer, JsonNode? value, string what, RecipeValidation validation)
    {
        if (value is not (null or JsonObject))
        {
            validation.Error(step.Index, pointer, $"{what} and must be an object ({{ ... }}), not {Describe(value)}.");
        }

        return value as JsonObject;
    }

    private static string Describe(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.String => $"the string {(value.ToJsonString() is { Length: > 40 } text ? text[..37] + "...\"" : value.ToJsonString())}",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        _ => value.ToJsonString(),
    };

    private static void CollectReferences(RecipeStepContext step, string pointer, JsonObject data, ContentTypeDefinition type, RecipeValidation validation)
    {
        if ((data[ContentNames.ContainedPart] as JsonObject)?["ListContentItemId"] is JsonValue list && list.TryGetValue<string>(out var listId) && listId.Length > 0)
        {
            validation.References.Add((step.Index, $"{pointer}/{ContentNames.ContainedPart}/ListContentItemId", listId));
        }

        foreach (var typePart in type.ContentTypePartDefinitionRecords)
        {
            var part = validation.Definitions.FindPart(typePart.PartName);
            foreach (var field in part?.ContentPartFieldDefinitionRecords.Where(f => f.FieldName == ContentNames.ContentPickerField) ?? [])
            {
                if (((data[typePart.Name] as JsonObject)?[field.Name] as JsonObject)?["ContentItemIds"] is JsonArray ids)
                {
                    for (var i = 0; i < ids.Count; i++)
                    {
                        if (ids[i] is JsonValue v && v.TryGetValue<string>(out var target))
                        {
                            validation.References.Add((step.Index, $"{pointer}/{typePart.Name}/{field.Name}/ContentItemIds/{i}", target));
                        }
                    }
                }
            }
        }
    }

    private static string? Text(JsonObject data, string key, string pointer, RecipeStepContext step, RecipeValidation validation, bool required)
    {
        // Orchard reads the envelope case-sensitively.
        var value = data[key];
        var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (text is { Length: > 0 })
        {
            return text;
        }

        if (text is not null || value is null || value.GetValueKind() == JsonValueKind.Null)
        {
            if (required)
            {
                validation.Error(step.Index, $"{pointer}/{key}", $"A content item needs a {key}.");
            }

            return null;
        }

        validation.Error(step.Index, $"{pointer}/{key}", $"{key} must be text, not {value.ToJsonString()}.");
        return null;
    }
}
