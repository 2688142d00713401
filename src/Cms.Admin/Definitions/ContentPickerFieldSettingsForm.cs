using System.Text.Json.Nodes;
using Cms.Content.Definitions;
using Microsoft.AspNetCore.Http;

namespace Cms.Admin.Definitions;

/// <summary>A content picker's types to pick from and whether it holds several items (Orchard's ContentPickerFieldSettings).</summary>
public static class ContentPickerFieldSettingsForm
{
    /// <summary>The types worth picking: those a manager creates or lists (not the small items kept inside others).</summary>
    public static IEnumerable<ContentTypeDefinition> Pickable(ContentDefinitions definitions) =>
        definitions.ContentTypeDefinitionRecords.Where(t => t.IsListed);

    public static void Apply(JsonObject own, IFormCollection form, ContentDefinitions definitions, List<SettingError> errors)
    {
        var types = form["ContentTypes"].Where(t => !string.IsNullOrEmpty(t)).Select(t => t!).Distinct().ToList();
        if (types.Count == 0)
        {
            errors.Add(new SettingError("ContentTypes", "Choose at least one kind of content to pick from."));
        }

        foreach (var unknown in types.Where(t => definitions.FindType(t) is null))
        {
            errors.Add(new SettingError("ContentTypes", $"There is no content type “{unknown}”."));
        }

        own["Multiple"] = FieldSettingsForm.Checked(form, "Multiple");
        own["DisplayAllContentTypes"] = false;
        own["DisplayedContentTypes"] = new JsonArray(types.Select(t => (JsonNode?)t).ToArray());
    }
}
