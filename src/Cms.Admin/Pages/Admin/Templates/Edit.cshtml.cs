using System.Text.Json.Nodes;
using Cms.Data;
using Cms.Modules;
using Cms.Recipes.Steps;
using Cms.Security;
using Cms.Tenancy;
using Cms.Themes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cms.Admin.Pages.Admin.Templates;

/// <summary>
/// Edits one template: a template that does not parse, or that goes over a limit or fails on one of the practice's
/// pages when tried, is not saved and the error says where, so the live site keeps the last good one; a preview
/// renders a page with the text in the box, before saving.
/// </summary>
[Authorize(Policy = Permissions.ManageTemplates)]
public sealed class EditTemplateModel : PageModel
{
    private readonly AdminContent _content;
    private readonly IReadOnlyList<IThemeTemplates> _themes;

    public EditTemplateModel(AdminContent content, IEnumerable<IThemeTemplates> theme)
    {
        _content = content;
        _themes = theme.ToList();
    }

    // The theme of the modules running for this tenant (none while Practice is off: the pages are not found).
    private IThemeTemplates? Theme => _themes.Running(HttpContext.GetTenant().Features) is [var theme, ..] ? theme : null;

    public string Name { get; private set; } = "";

    [BindProperty]
    public string Source { get; set; } = "";

    [BindProperty]
    public string PreviewPath { get; set; } = "/";

    public bool IsOverridden { get; private set; }

    public string? Error { get; private set; }

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(string name, string? done)
    {
        if (!await LoadAsync(name, keepPosted: false))
        {
            return NotFound();
        }

        Notice = done switch
        {
            "saved" => "Saved. The public site uses it now.",
            "reset" => "Reset: the public site uses the theme's template again.",
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string name)
    {
        if (!await LoadAsync(name, keepPosted: true))
        {
            return NotFound();
        }

        if (Theme!.Check(Source) is { } error)
        {
            Error = $"Not saved: {error}. The site keeps using the last good version.";
            return Page();
        }

        // A template that parses may still loop for ever or include a partial that is not there: tried on the practice's pages first.
        var refusals = await Theme.TrialAsync(HttpContext.GetTenant(), new Dictionary<string, string> { [name] = Source }, HttpContext.RequestAborted);
        if (refusals.Count > 0)
        {
            Error = $"Not saved: {refusals[0].Message} The live site keeps its current template.";
            return Page();
        }

        await WriteAsync(name, new JsonObject { ["Content"] = Source, ["Description"] = "Edited in the admin" });
        return Redirect($"{Request.PathBase}/admin/templates/{name}?done=saved");
    }

    public async Task<IActionResult> OnPostResetAsync(string name)
    {
        if (!await LoadAsync(name, keepPosted: true))
        {
            return NotFound();
        }

        await WriteAsync(name, null);
        return Redirect($"{Request.PathBase}/admin/templates/{name}?done=reset");
    }

    public async Task<IActionResult> OnPostPreviewAsync(string name)
    {
        if (!await LoadAsync(name, keepPosted: true))
        {
            return NotFound();
        }

        if (Theme!.Check(Source) is { } error)
        {
            Error = $"Cannot preview: {error}.";
            return Page();
        }

        var preview = await Theme.PreviewAsync(HttpContext, new Dictionary<string, string> { [name] = Source }, PreviewPath);
        if (preview.Error is { } failure)
        {
            Error = $"Cannot preview: {failure}";
            return Page();
        }

        return new PreviewResult(preview.StatusCode, preview.Html);
    }

    private async Task<bool> LoadAsync(string name, bool keepPosted)
    {
        if (Theme is null || !Theme.Defaults.TryGetValue(name, out var theme))
        {
            return false;
        }

        Name = name;
        await using var session = _content.Open(HttpContext);
        var stored = await TenantDocuments.GetAsync<JsonObject>(session.Db, RecipeDocuments.Templates, HttpContext.RequestAborted);
        var own = stored?[name]?["Content"] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
        IsOverridden = own is not null;
        if (!keepPosted)
        {
            Source = own ?? theme;
        }

        return true;
    }

    private async Task WriteAsync(string name, JsonObject? template)
    {
        await using var session = _content.Open(HttpContext);
        var document = await TenantDocuments.GetAsync<JsonObject>(session.Db, RecipeDocuments.Templates, HttpContext.RequestAborted) ?? [];
        if (template is null)
        {
            document.Remove(name);
        }
        else
        {
            document[name] = template;
        }

        await TenantDocuments.SetAsync(session.Db, RecipeDocuments.Templates, document, _content.Now, HttpContext.RequestAborted);
    }
}
