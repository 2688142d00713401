using Cms.Security;
using Cms.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Admin.Pages.Admin.Practices;

/// <summary>Removing a practice deletes its data: the operator types its name to confirm.</summary>
[Authorize(Policy = CmsAuthentication.HostAdminPolicy)]
public sealed class RemovePracticeModel : PageModel
{
    public string Name { get; private set; } = "";

    public string? Error { get; private set; }

    public void OnGet(string name) => Name = name;

    public async Task<IActionResult> OnPostAsync(string name, string? confirm)
    {
        Name = name;
        if (!string.Equals(confirm?.Trim(), name, StringComparison.Ordinal))
        {
            Error = $"Type “{name}” exactly to remove it. Nothing was removed.";
            return Page();
        }

        var result = await HttpContext.RequestServices.GetRequiredService<TenantManager>().RemoveAsync(name, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            Error = string.Join(" ", result.Errors);
            return Page();
        }

        return Redirect($"{Request.PathBase}/admin/practices?done=removed&name={Uri.EscapeDataString(name)}");
    }
}
