using Cms.Admin.Editors;
using Cms.Recipes.Background;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Admin.Pages.Admin.Recipes;

/// <summary>An import applied in the background: its progress while it runs (the page reloads itself), then its result.</summary>
[Authorize(Policy = Permissions.Import)]
public sealed class ImportStatusModel : PageModel
{
    /// <summary>How often the page reloads while the import runs.</summary>
    public const int RefreshSeconds = 2;

    public RecipeImportStatus Status { get; private set; } = null!;

    /// <summary>When the import started, in the practice's time zone.</summary>
    public string Started { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await HttpContext.RequestServices.GetRequiredService<RecipeImportStatuses>().FindAsync(HttpContext.GetTenant().Settings, id, HttpContext.RequestAborted) is not { } status)
        {
            return NotFound();
        }

        Status = status;
        var zone = FieldTime.Zone(HttpContext.GetTenant());
        Started = $"{FieldTime.Show(status.StartedUtc, zone)} ({zone.Id})";
        return Page();
    }
}
