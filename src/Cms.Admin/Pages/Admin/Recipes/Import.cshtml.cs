using Cms.Data;
using Cms.Recipes;
using Cms.Recipes.Execution;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Admin.Pages.Admin.Recipes;

/// <summary>
/// Upload a recipe, read the validation report (checked against this practice, nothing written), then apply
/// it or cancel. The upload waits between the two steps (<see cref="HeldRecipes"/>: on disk, never in memory; on
/// PostgreSQL in the shared database too, so the next step may reach any node).
/// </summary>
[Authorize(Policy = Permissions.Import)]
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class ImportModel : PageModel
{
    private const long MaxUploadBytes = 512L * 1024 * 1024;

    public RecipeResult? Report { get; private set; }

    public string? Pending { get; private set; }

    public string? FileName { get; private set; }

    public string? Error { get; private set; }

    public bool Applied { get; private set; }

    public async Task<IActionResult> OnPostCheckAsync(IFormFile? recipe)
    {
        if (recipe is not { Length: > 0 })
        {
            Error = "Choose a recipe file (.json) to upload.";
            return Page();
        }

        Pending = Guid.NewGuid().ToString("N");
        FileName = Path.GetFileName(recipe.FileName);
        string held;
        await using (var upload = recipe.OpenReadStream())
        {
            held = await Held.HoldAsync(Tenant, Pending, upload, HttpContext.RequestAborted);
        }

        Report = await RunAsync(held, FileName, dryRun: true);
        if (Report is { Succeeded: false })
        {
            await Held.ReleaseAsync(Tenant, Pending, HttpContext.RequestAborted);
            Pending = null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(string pending, string? fileName)
    {
        if (!HeldRecipes.IsId(pending) || await Held.TakeAsync(Tenant, pending, HttpContext.RequestAborted) is not { } held)
        {
            Error = "That upload is no longer waiting (it was applied or cancelled). Upload the file again.";
            return Page();
        }

        try
        {
            FileName = fileName;
            Report = await RunAsync(held, fileName ?? "upload.recipe.json", dryRun: false);
            Applied = Report?.Applied == true;
        }
        finally
        {
            System.IO.File.Delete(held);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(string pending)
    {
        if (HeldRecipes.IsId(pending))
        {
            await Held.ReleaseAsync(Tenant, pending, HttpContext.RequestAborted);
        }

        return Redirect($"{Request.PathBase}/admin/import");
    }

    private async Task<RecipeResult?> RunAsync(string path, string fileName, bool dryRun)
    {
        var source = new RecipeSource(fileName, () => System.IO.File.OpenRead(path), null);
        return await HttpContext.RequestServices.GetRequiredService<TenantRecipes>()
            .ImportAsync(HttpContext.GetTenant().Name, source, new RecipeOptions { DryRun = dryRun }, HttpContext.RequestAborted);
    }

    private HeldRecipes Held => HttpContext.RequestServices.GetRequiredService<HeldRecipes>();

    private TenantSettings Tenant => HttpContext.GetTenant().Settings;
}
