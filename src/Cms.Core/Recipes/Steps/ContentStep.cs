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
        Text(data, "ContentItemVersionId", pointer, step, validation, required: false);
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
            validation.DeclaredIds.Add(id);
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

    public async Task ApplyItemAsync(RecipeStepContext step, int itemIndex, JsonNode? item, RecipeApplication application, CancellationToken cancellationToken)
    {
        var result = await application.Content.ImportAsync(new ContentItem(item!.AsObject()), cancellationToken);
        if (!result.Succeeded)
        {
            var pointer = $"{step.Pointer}/data/{itemIndex}";
            throw new RecipeApplyException(result.Errors.Select(e => new RecipeMessage(step.Index, $"{pointer}/{e.Path.Replace('.', '/')}", e.Message)).ToList());
        }

        application.Count(result.Skipped ? "items unchanged" : "items imported");
    }

    private static void CollectReferences(RecipeStepContext step, string pointer, JsonObject data, ContentTypeDefinition type, RecipeValidation validation)
    {
        if (data[ContentNames.ContainedPart]?["ListContentItemId"] is JsonValue list && list.TryGetValue<string>(out var listId) && listId.Length > 0)
        {
            validation.References.Add((step.Index, $"{pointer}/{ContentNames.ContainedPart}/ListContentItemId", listId));
        }

        foreach (var typePart in type.ContentTypePartDefinitionRecords)
        {
            var part = validation.Definitions.FindPart(typePart.PartName);
            foreach (var field in part?.ContentPartFieldDefinitionRecords.Where(f => f.FieldName == ContentNames.ContentPickerField) ?? [])
            {
                if (data[typePart.Name]?[field.Name]?["ContentItemIds"] is JsonArray ids)
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
