using Cms.Content;
using Cms.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cms.Admin.Pages.Admin.Content;

/// <summary>Deleting asks first; only the user's own content unless they may delete anyone's.</summary>
public sealed class DeleteModel : PageModel
{
    private readonly AdminContent _content;

    public DeleteModel(AdminContent content)
    {
        _content = content;
    }

    public string Id { get; private set; } = "";

    public string Title { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id)
    {
        await using var session = _content.Open(HttpContext);
        return await FindAsync(session, id) is null ? NotFound() : await AdminContent.MayAsync(HttpContext, Permissions.DeleteOwnContent, await FindAsync(session, id)) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        await using var session = _content.Open(HttpContext);
        if (await FindAsync(session, id) is not { } item)
        {
            return NotFound();
        }

        if (!await AdminContent.MayAsync(HttpContext, Permissions.DeleteOwnContent, item))
        {
            return Forbid();
        }

        await session.Manager.DeleteAsync(id, HttpContext.RequestAborted);
        return Redirect($"{Request.PathBase}/admin/content?type={item.ContentType}");
    }

    private async Task<ContentItem?> FindAsync(AdminContent.Session session, string id)
    {
        var item = await session.Manager.GetAsync(id, VersionOptions.Latest, HttpContext.RequestAborted);
        Id = id;
        Title = item?.DisplayText ?? id;
        return item;
    }
}
