using Cms.Data;
using Cms.Recipes;
using Cms.Recipes.Background;
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
/// it (in the background, followed on its status page) or cancel. The upload waits between the two steps (<see cref="HeldRecipes"/>: on disk, never in memory; on
/// PostgreSQL in the shared database too, so the next step may reach any node).
/// </summary>
[Authorize(Policy = Permissions.Import)]
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class ImportModel : PageModel
{
    private const long MaxUploadBytes = 512L * 1024 * 1024;
    private const string NoLongerWaiting = "That upload is no longer waiting (it was applied or cancelled). Upload the file again.";

    public RecipeResult? Report { get; private set; }

    public string? Pending { get; private set; }

    public string? FileName { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The import that made this one wait its turn.</summary>
    public RecipeImportStatus? Running { get; private set; }

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

        Report = await CheckAsync(held, FileName);
        if (Report is { Succeeded: false })
        {
            await Held.ReleaseAsync(Tenant, Pending, HttpContext.RequestAborted);
            Pending = null;
        }

        return Page();
    }

    /// <summary>
    /// Hands the upload to the background and answers at once with its status page: an import of 100,000 items takes
    /// minutes, and closing the tab must not stop it. Refused, the upload still waiting, while the practice imports.
    /// </summary>
    public async Task<IActionResult> OnPostApplyAsync(string pending, string? fileName)
    {
        FileName = Path.GetFileName(fileName ?? "") is { Length: > 0 } name ? name : "upload.recipe.json";
        if (!HeldRecipes.IsId(pending))
        {
            Error = NoLongerWaiting;
            return Page();
        }

        if (!Imports.TryReserve(Tenant, pending, FileName))
        {
            Pending = pending;
            Running = Imports.RunningIn(Tenant);
            Error = RecipeExecutor.AnotherImportRuns;
            return Page();
        }

        // Not the request's token, and the turn given back however taking fails: a closed tab or a database error here
        // must not leave the practice reserved for an import that never starts.
        string? held;
        try
        {
            held = await Held.TakeAsync(Tenant, pending, CancellationToken.None);
        }
        catch
        {
            Imports.Release(Tenant);
            throw;
        }

        if (held is null)
        {
            Imports.Release(Tenant);
            Error = NoLongerWaiting;
            return Page();
        }

        try
        {
            // Not the request's token: once taken, the upload is the background's, whatever the browser does.
            await Imports.StartAsync(new RecipeImportJob(Tenant, pending, FileName, held), CancellationToken.None);
        }
        catch
        {
            Imports.Release(Tenant);
            System.IO.File.Delete(held);
            throw;
        }

        return Redirect($"{Request.PathBase}/admin/import/status/{pending}");
    }

    public async Task<IActionResult> OnPostCancelAsync(string pending)
    {
        if (HeldRecipes.IsId(pending))
        {
            await Held.ReleaseAsync(Tenant, pending, HttpContext.RequestAborted);
        }

        return Redirect($"{Request.PathBase}/admin/import");
    }

    private async Task<RecipeResult?> CheckAsync(string path, string fileName)
    {
        var source = new RecipeSource(fileName, () => System.IO.File.OpenRead(path), null);
        return await HttpContext.RequestServices.GetRequiredService<TenantRecipes>()
            .ImportAsync(HttpContext.GetTenant().Name, source, new RecipeOptions { DryRun = true }, HttpContext.RequestAborted);
    }

    private BackgroundRecipeImports Imports => HttpContext.RequestServices.GetRequiredService<BackgroundRecipeImports>();

    private HeldRecipes Held => HttpContext.RequestServices.GetRequiredService<HeldRecipes>();

    private TenantSettings Tenant => HttpContext.GetTenant().Settings;
}
