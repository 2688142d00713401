using Cms.Content;
using Cms.Modules;
using Cms.Security;
using Cms.Tenancy;
using Cms.Themes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cms.Admin.Pages.Admin.Content;

/// <summary>A draft exactly as the public site will render it once published (same templates, same pipeline).</summary>
public sealed class PreviewModel : PageModel
{
    private readonly AdminContent _content;
    private readonly IReadOnlyList<IThemeTemplates> _themes;

    public PreviewModel(AdminContent content, IEnumerable<IThemeTemplates> theme)
    {
        _content = content;
        _themes = theme.ToList();
    }

    // The theme of the modules running for this tenant (none while Practice is off: the pages are not found).
    private IThemeTemplates? Theme => _themes.Running(HttpContext.GetTenant().Features) is [var theme, ..] ? theme : null;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        await using var session = _content.Open(HttpContext);
        if (await session.Manager.GetAsync(id, VersionOptions.Latest, HttpContext.RequestAborted) is not { } item)
        {
            return NotFound();
        }

        if (!await AdminContent.MayAsync(HttpContext, Permissions.EditOwnContent, item) || !await AdminContent.HasAsync(HttpContext, Permissions.PreviewContent))
        {
            return Forbid();
        }

        if (Theme is null || await Theme.PreviewItemAsync(HttpContext, id) is not { } page)
        {
            return Content("This item has no page of its own on the public site (give it a web address to preview it).", "text/plain; charset=utf-8");
        }

        return new PreviewResult(page.StatusCode, page.Html);
    }
}
