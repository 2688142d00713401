using System.Text.Json.Nodes;
using Cms.Admin.Definitions;
using Cms.Content;
using Cms.Content.Definitions;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cms.Admin.Pages.Admin.Types;

/// <summary>
/// One type: its parts (add, remove, order) and its own fields (in the part named like the type, as Orchard keeps a
/// type's own fields): add one or remove it; a field's settings have a page of their own. Items keep the data of a
/// removed part or field.
/// </summary>
[Authorize(Policy = Permissions.EditContentTypes)]
public sealed class EditTypeModel : PageModel
{
    /// <summary>The field types an editor exists for, with what a manager reads.</summary>
    public static readonly IReadOnlyList<(string Name, string Label)> FieldTypes =
    [
        (ContentNames.TextField, "Text"), (ContentNames.MarkdownField, "Formatted text (Markdown)"), (ContentNames.BooleanField, "Yes/no"),
        (ContentNames.NumericField, "Number"), (ContentNames.DateField, "Date"), (ContentNames.LinkField, "Link"),
        (ContentNames.MediaField, "Image"), (ContentNames.ContentPickerField, "Link to other content"), (ContentNames.MultiTextField, "Choices"),
    ];

    public ContentTypeDefinition Type { get; private set; } = new();

    public ContentDefinitions Definitions { get; private set; } = ContentDefinitions.Empty;

    public IReadOnlyList<ContentTypePartDefinition> Parts { get; private set; } = [];

    public IReadOnlyList<PartChoice> PartChoices { get; private set; } = [];

    public IReadOnlyList<ContentPartFieldDefinition> Fields { get; private set; } = [];

    /// <summary>False when the type's own part is not attached: its fields are then not in the editor.</summary>
    public bool HasOwnPart => Type.HasPart(Type.Name);

    public List<string> Errors { get; } = [];

    public string? Notice { get; private set; }

    /// <summary>The handler of the form posted, to show a refusal next to that form.</summary>
    public string? Handler => Request.Query["handler"].ToString() is { Length: > 0 } handler ? handler : null;

    /// <summary>What a refused form posted, shown again so nothing typed is lost.</summary>
    public string Posted(string key) => Request.HasFormContentType ? Request.Form[key].ToString() : "";

    public IReadOnlyList<string> PostedAll(string key) => Request.HasFormContentType ? Request.Form[key].OfType<string>().ToList() : [];

    public IActionResult OnGet(string name, string? done)
    {
        if (!Load(name))
        {
            return NotFound();
        }

        Notice = done switch
        {
            "removed" => "Field removed. Items keep what was stored in it; adding it back shows it again.",
            "part-added" => "Part added. The editor shows it now.",
            "part-removed" => "Part removed. Items keep what was stored in it; adding the part back shows it again.",
            "part-moved" => "Order changed. The editor shows the parts in this order.",
            "part-holds" => "Saved. The editor offers these types of items now; items already inside keep their data.",
            _ => null,
        };
        return Page();
    }

    public Task<IActionResult> OnPostAddPartAsync(string name, string? partName, string? partInstance, string? partLabel, string[]? containedTypes) =>
        ChangeAsync(name, $"{name}?done=part-added", (definitions, type) =>
            TypePartChanges.Add(definitions, type, new NewPart(partName, partInstance, partLabel, containedTypes ?? []), Errors));

    public Task<IActionResult> OnPostContainedTypesAsync(string name, string part, string[]? containedTypes) =>
        ChangeAsync(name, $"{name}?done=part-holds", (definitions, type) => TypePartChanges.SetContainedTypes(definitions, type, part, containedTypes ?? [], Errors));

    public Task<IActionResult> OnPostRemovePartAsync(string name, string part) =>
        ChangeAsync(name, $"{name}?done=part-removed", (_, type) => TypePartChanges.Remove(type, part, Errors));

    public Task<IActionResult> OnPostMovePartAsync(string name, string part, int direction) =>
        ChangeAsync(name, $"{name}?done=part-moved", (_, type) => TypePartChanges.Move(type, part, direction, Errors));

    // A new field opens on its settings page: a list or a picker needs its choices or types next.
    public Task<IActionResult> OnPostAddAsync(string name, string? fieldName, string? fieldType, string? label, string? hint, bool required)
    {
        var technical = fieldName?.Trim() ?? "";
        return ChangeAsync(name, $"{name}/fields/{technical}?done=added", (definitions, type) =>
        {
            var part = OwnPart(definitions, type);
            if (!TechnicalName.IsValid(technical))
            {
                Errors.Add($"The field's name {TechnicalName.Rule}, like \"Pronouns\" or \"VideoIntro\".");
            }
            else if (part.ContentPartFieldDefinitionRecords.Any(f => string.Equals(f.Name, technical, StringComparison.OrdinalIgnoreCase)))
            {
                Errors.Add($"This type already has a field named “{technical}”.");
            }

            if (!FieldTypes.Any(t => t.Name == fieldType))
            {
                Errors.Add("Choose what kind of field it is.");
            }

            if (Errors.Count > 0)
            {
                return;
            }

            part.ContentPartFieldDefinitionRecords.Add(new ContentPartFieldDefinition
            {
                FieldName = fieldType!,
                Name = technical,
                Settings = Settings(fieldType!, label is { Length: > 0 } ? label.Trim() : technical, hint, required, part.ContentPartFieldDefinitionRecords.Count),
            });
        });
    }

    public Task<IActionResult> OnPostRemoveAsync(string name, string field) =>
        ChangeAsync(name, $"{name}?done=removed", (definitions, type) =>
        {
            if (definitions.FindPart(type.Name)?.ContentPartFieldDefinitionRecords.RemoveAll(f => f.Name == field) is null or 0)
            {
                Errors.Add($"There is no field “{field}” any more.");
            }
        });

    // The type's own part, created and attached when a first field is added, as Orchard does.
    private static ContentPartDefinition OwnPart(ContentDefinitions definitions, ContentTypeDefinition type)
    {
        var part = definitions.FindPart(type.Name);
        if (part is null)
        {
            part = new ContentPartDefinition { Name = type.Name };
            definitions.ContentPartDefinitionRecords.Add(part);
        }

        if (!type.HasPart(type.Name))
        {
            TypePartChanges.Add(definitions, type, new NewPart(type.Name, null, null, []), []);
        }

        return part;
    }

    // Changes a copy of the definitions and stores it; on a refusal the page shows why and nothing is stored.
    private async Task<IActionResult> ChangeAsync(string name, string then, Action<ContentDefinitions, ContentTypeDefinition> change)
    {
        if (!Load(name))
        {
            return NotFound();
        }

        var definitions = ContentDefinitionEditor.Copy(HttpContext.GetTenant().Definitions);
        change(definitions, definitions.FindType(name)!);
        if (Errors.Count > 0)
        {
            return Page();
        }

        await AdminContent.SaveDefinitionsAsync(HttpContext, definitions);
        return Redirect($"{Request.PathBase}/admin/types/{then}");
    }

    private bool Load(string name)
    {
        var definitions = HttpContext.GetTenant().Definitions;
        if (definitions.FindType(name) is not { } type)
        {
            return false;
        }

        Type = type;
        Definitions = definitions;
        Parts = type.PartsInOrder.ToList();
        PartChoices = PartCatalog.AvailableFor(type, definitions);
        Fields = definitions.FindPart(name)?.FieldsInOrder.ToList() ?? [];
        return true;
    }

    private static JsonObject Settings(string fieldType, string label, string? hint, bool required, int position)
    {
        var display = new JsonObject { ["DisplayName"] = label, ["Position"] = position.ToString(System.Globalization.CultureInfo.InvariantCulture) };

        // The admin draws a choices field as checkboxes; naming Orchard's checkbox editor makes Orchard draw it so too (its default is a list box).
        if (fieldType == ContentNames.MultiTextField)
        {
            display["Editor"] = ContentNames.CheckboxListEditor;
        }

        return new()
        {
            [ContentNames.ContentPartFieldSettings] = display,
            [fieldType + "Settings"] = new JsonObject { ["Hint"] = hint, ["Required"] = required },
        };
    }
}
