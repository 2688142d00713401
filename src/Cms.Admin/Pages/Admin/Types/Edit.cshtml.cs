using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cms.Content;
using Cms.Content.Definitions;
using Cms.Data;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cms.Admin.Pages.Admin.Types;

/// <summary>
/// One type's fields (in the part named like the type, as Orchard keeps a type's own fields): add one, change
/// its label, help text and whether it is required, or remove it. Items keep the data of a removed field.
/// </summary>
[Authorize(Policy = Permissions.EditContentTypes)]
public sealed partial class EditTypeModel : PageModel
{
    /// <summary>The field types an editor exists for, with what a manager reads.</summary>
    public static readonly IReadOnlyList<(string Name, string Label)> FieldTypes =
    [
        (ContentNames.TextField, "Text"), (ContentNames.MarkdownField, "Formatted text (Markdown)"), (ContentNames.BooleanField, "Yes/no"),
        (ContentNames.NumericField, "Number"), (ContentNames.DateField, "Date"), (ContentNames.LinkField, "Link"),
        (ContentNames.MediaField, "Image"), (ContentNames.ContentPickerField, "Link to other content"), (ContentNames.MultiTextField, "Choices"),
    ];

    private readonly AdminContent _content;

    public EditTypeModel(AdminContent content)
    {
        _content = content;
    }

    public ContentTypeDefinition Type { get; private set; } = new();

    public IReadOnlyList<ContentPartFieldDefinition> Fields { get; private set; } = [];

    public List<string> Errors { get; } = [];

    public string? Notice { get; private set; }

    public IActionResult OnGet(string name, string? done)
    {
        if (!Load(name))
        {
            return NotFound();
        }

        Notice = done switch
        {
            "added" => "Field added. The editor shows it now.",
            "saved" => "Field saved.",
            "removed" => "Field removed. Items keep what was stored in it; adding it back shows it again.",
            _ => null,
        };
        return Page();
    }

    public Task<IActionResult> OnPostAddAsync(string name, string? fieldName, string? fieldType, string? label, string? hint, bool required) =>
        ChangeAsync(name, "added", part =>
        {
            var technical = fieldName?.Trim() ?? "";
            if (!Identifier().IsMatch(technical))
            {
                Errors.Add("The field's name must start with a letter and have only letters and digits, like \"Pronouns\" or \"VideoIntro\".");
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

    public Task<IActionResult> OnPostSaveAsync(string name, string field, string? label, string? hint, bool required) =>
        ChangeAsync(name, "saved", part =>
        {
            if (part.ContentPartFieldDefinitionRecords.FirstOrDefault(f => f.Name == field) is not { } definition)
            {
                Errors.Add($"There is no field “{field}” any more.");
                return;
            }

            var display = definition.Settings[ContentNames.ContentPartFieldSettings] as JsonObject ?? [];
            display["DisplayName"] = label is { Length: > 0 } ? label.Trim() : field;
            definition.Settings[ContentNames.ContentPartFieldSettings] = display;
            var own = definition.Settings[definition.FieldName + "Settings"] as JsonObject ?? [];
            own["Hint"] = hint;
            own["Required"] = required;
            definition.Settings[definition.FieldName + "Settings"] = own;
        });

    public Task<IActionResult> OnPostRemoveAsync(string name, string field) =>
        ChangeAsync(name, "removed", part =>
        {
            if (part.ContentPartFieldDefinitionRecords.RemoveAll(f => f.Name == field) == 0)
            {
                Errors.Add($"There is no field “{field}” any more.");
            }
        });

    // Changes a copy of the definitions, stores it, and rebuilds the tenant so editors and the site follow at once.
    private async Task<IActionResult> ChangeAsync(string name, string done, Action<ContentPartDefinition> change)
    {
        if (!Load(name))
        {
            return NotFound();
        }

        var definitions = ContentDefinitionEditor.Copy(HttpContext.GetTenant().Definitions);
        var part = definitions.FindPart(name);
        if (part is null)
        {
            part = new ContentPartDefinition { Name = name };
            definitions.ContentPartDefinitionRecords.Add(part);
            var type = definitions.FindType(name)!;
            if (!type.ContentTypePartDefinitionRecords.Any(p => p.PartName == name))
            {
                type.ContentTypePartDefinitionRecords.Add(new ContentTypePartDefinition { PartName = name, Name = name });
            }
        }

        change(part);
        if (Errors.Count > 0)
        {
            return Page();
        }

        await using var session = _content.Open(HttpContext);
        await TenantDocuments.SetAsync(session.Db, ContentDefinitions.DocumentKey, definitions, DateTimeOffset.UtcNow, HttpContext.RequestAborted);
        await _content.ChangedAsync(HttpContext);
        return Redirect($"{Request.PathBase}/admin/types/{name}?done={done}");
    }

    private bool Load(string name)
    {
        var definitions = HttpContext.GetTenant().Definitions;
        if (definitions.FindType(name) is not { } type)
        {
            return false;
        }

        Type = type;
        Fields = definitions.FindPart(name)?.FieldsInOrder.ToList() ?? [];
        return true;
    }

    private static JsonObject Settings(string fieldType, string label, string? hint, bool required, int position) => new()
    {
        [ContentNames.ContentPartFieldSettings] = new JsonObject { ["DisplayName"] = label, ["Position"] = position.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        [fieldType + "Settings"] = new JsonObject { ["Hint"] = hint, ["Required"] = required },
    };

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,63}$")]
    private static partial Regex Identifier();
}
