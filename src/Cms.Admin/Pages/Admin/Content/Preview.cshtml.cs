using Cms.Content;
using Cms.Security;
using Cms.Themes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cms.Admin.Pages.Admin.Content;

/// <summary>A draft exactly as the public site will render it once published (same templates, same pipeline).</summary>
public sealed class PreviewModel : PageModel
{
    private readonly AdminContent _content;
    private readonly IThemeTemplates? _theme;

    public PreviewModel(AdminContent content, IEnumerable<IThemeTemplates> theme)
    {
        _content = content;
        _theme = theme.FirstOrDefault();
    }

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

        if (_theme is null || await _theme.PreviewItemAsync(HttpContext, id) is not { } page)
        {
            return Content("This item has no page of its own on the public site (give it a web address to preview it).", "text/plain; charset=utf-8");
        }

        return new PreviewResult(page.StatusCode, page.Html);
    }
}
