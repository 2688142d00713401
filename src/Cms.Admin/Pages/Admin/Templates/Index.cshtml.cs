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

/// <summary>The theme's templates and which of them this practice overrides.</summary>
[Authorize(Policy = Permissions.ManageTemplates)]
public sealed class TemplatesModel : PageModel
{
    private readonly AdminContent _content;
    private readonly IReadOnlyList<IThemeTemplates> _themes;

    public TemplatesModel(AdminContent content, IEnumerable<IThemeTemplates> theme)
    {
        _content = content;
        _themes = theme.ToList();
    }

    // The theme of the modules running for this tenant (none while Practice is off: the pages are not found).
    private IThemeTemplates? Theme => _themes.Running(HttpContext.GetTenant().Features) is [var theme, ..] ? theme : null;

    public IReadOnlyList<string> Names { get; private set; } = [];

    public IReadOnlySet<string> Overridden { get; private set; } = new HashSet<string>();

    public async Task<IActionResult> OnGetAsync()
    {
        if (Theme is null)
        {
            return NotFound();
        }

        await using var session = _content.Open(HttpContext);
        var stored = await TenantDocuments.GetAsync<JsonObject>(session.Db, RecipeDocuments.Templates, HttpContext.RequestAborted) ?? [];
        Names = Theme.Defaults.Keys.Order(StringComparer.Ordinal).ToList();
        Overridden = stored.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        return Page();
    }
}
