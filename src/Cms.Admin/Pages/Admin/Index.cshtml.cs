using Cms.Security;
using Cms.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Admin.Pages.Admin;

public sealed class DashboardModel : PageModel
{
    private readonly AdminContent _content;

    public DashboardModel(AdminContent content)
    {
        _content = content;
    }

    public IReadOnlyList<ContentRow> Drafts { get; private set; } = [];

    public IReadOnlyList<ContentRow> Recent { get; private set; } = [];

    public IReadOnlyList<(string Id, string? Title, long Views)> MostViewed { get; private set; } = [];

    /// <summary>On the host's own tenant, for its administrators: the practices it runs.</summary>
    public IReadOnlyList<TenantSettings>? Practices { get; private set; }

    public async Task OnGetAsync()
    {
        await using var session = _content.Open(HttpContext);
        var draftOwner = await AdminContent.DraftOwnerAsync(HttpContext);
        Drafts = (await session.ListAsync(new ContentFilter(null, "draft", null, null, null, 1, 8), draftOwner, HttpContext.RequestAborted)).Rows;
        Recent = (await session.ListAsync(new ContentFilter(null, null, null, null, null, 1, 8), draftOwner, HttpContext.RequestAborted)).Rows;
        MostViewed = await session.MostViewedAsync(5, HttpContext.RequestAborted);
        if (await CmsAuthentication.IsHostAdministratorAsync(HttpContext, User))
        {
            // The practices only: the host's own tenant is where this page is, not one of them.
            Practices = (await HttpContext.RequestServices.GetRequiredService<TenantManager>().ListAsync(HttpContext.RequestAborted)).Where(t => !t.IsDefault).ToList();
        }
    }
}
