using Cms.Admin.Definitions;
using Cms.Content.Definitions;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cms.Admin.Pages.Admin.Types;

/// <summary>
/// One field of a type and the settings of its field type (a text field's editor and choices, a number's range...).
/// A refused form is shown again as it was posted, with each problem next to its setting, and nothing is stored.
/// </summary>
[Authorize(Policy = Permissions.EditContentTypes)]
public sealed class EditFieldModel : PageModel
{
    public ContentTypeDefinition Type { get; private set; } = new();

    public ContentPartFieldDefinition Field { get; private set; } = new();

    public ContentDefinitions Definitions { get; private set; } = ContentDefinitions.Empty;

    public IReadOnlyList<SettingError> Errors { get; private set; } = [];

    public string? Notice { get; private set; }

    public string OwnBlock => Field.FieldName + "Settings";

    public IActionResult OnGet(string name, string field, string? done)
    {
        Notice = done switch
        {
            "saved" => "Settings saved. The editor follows them now.",
            "added" => "Field added; the editor shows it now. Its settings are below.",
            _ => null,
        };
        return Load(name, field) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string name, string field)
    {
        if (!Load(name, field))
        {
            return NotFound();
        }

        var definitions = ContentDefinitionEditor.Copy(Definitions);
        var copy = definitions.FindPart(name)!.ContentPartFieldDefinitionRecords.First(f => f.Name == field);
        Errors = FieldSettingsForm.Apply(copy, Request.Form, definitions);
        if (Errors.Count > 0)
        {
            return Page();
        }

        await AdminContent.SaveDefinitionsAsync(HttpContext, definitions);
        return Redirect($"{Request.PathBase}/admin/types/{name}/fields/{field}?done=saved");
    }

    /// <summary>The value an input shows: what a refused form posted, else the stored setting.</summary>
    public string Shown(string key, string? stored) => Request.HasFormContentType ? Request.Form[key].ToString() : stored ?? "";

    public bool ShownChecked(string key, bool stored) => Request.HasFormContentType ? Request.Form[key].Contains("true") : stored;

    public IReadOnlyList<string> ShownAll(string key, IReadOnlyList<string> stored) =>
        Request.HasFormContentType ? Request.Form[key].OfType<string>().ToList() : stored;

    /// <summary>A stored setting of the field type's own block, as text (numbers in invariant form).</summary>
    public string? Setting(string key) => SettingsReader.Find(Field.Settings, OwnBlock, key)?.ToString();

    public bool SettingChecked(string key) => SettingsReader.Bool(Field.Settings, OwnBlock, key) == true;

    public IReadOnlyList<SettingError> ErrorsFor(string key) => Errors.Where(e => e.Key == key).ToList();

    private bool Load(string name, string field)
    {
        Definitions = HttpContext.GetTenant().Definitions;
        if (Definitions.FindType(name) is not { } type || Definitions.FindPart(name)?.ContentPartFieldDefinitionRecords.FirstOrDefault(f => f.Name == field) is not { } definition)
        {
            return false;
        }

        Type = type;
        Field = definition;
        return true;
    }
}
