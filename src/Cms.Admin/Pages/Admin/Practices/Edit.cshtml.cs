using Cms.Security;
using Cms.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Admin.Pages.Admin.Practices;

/// <summary>
/// Changes where a practice answers: its host names and URL prefix. Checked as on creation; a refused change
/// changes nothing, and an accepted one serves at the new address as soon as the form returns.
/// </summary>
[Authorize(Policy = CmsAuthentication.HostAdminPolicy)]
public sealed class EditPracticeModel : PageModel
{
    public TenantSettings? Practice { get; private set; }

    public List<string> Errors { get; } = [];

    [BindProperty]
    public string? Hosts { get; set; }

    [BindProperty]
    public string? Prefix { get; set; }

    private TenantManager Tenants => HttpContext.RequestServices.GetRequiredService<TenantManager>();

    public async Task<IActionResult> OnGetAsync(string name)
    {
        Practice = await Tenants.FindAsync(name, HttpContext.RequestAborted);
        if (Practice is not { IsDefault: false })
        {
            return NotFound();
        }

        Hosts = string.Join(", ", Practice.Hosts);
        Prefix = Practice.Prefix;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string name)
    {
        var result = await Tenants.ChangeAddressAsync(name, new TenantAddress { Hosts = AddressFields.Hosts(Hosts), Prefix = AddressFields.Prefix(Prefix) }, HttpContext.RequestAborted);
        if (result.Failure == TenantFailure.NotFound)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            Errors.AddRange(result.Errors);
            Practice = await Tenants.FindAsync(name, HttpContext.RequestAborted);
            return Page();
        }

        return Redirect($"{Request.PathBase}/admin/practices?done=readdressed&name={Uri.EscapeDataString(result.Tenant!.Name)}");
    }
}
