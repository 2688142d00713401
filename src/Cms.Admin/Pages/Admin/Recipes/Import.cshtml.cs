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
/// it or cancel. The upload waits in the practice's folder between the two steps, never in memory.
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
        await using (var target = System.IO.File.Create(PendingPath(Pending)))
        {
            await recipe.CopyToAsync(target, HttpContext.RequestAborted);
        }

        Report = await RunAsync(Pending, FileName, dryRun: true);
        if (Report is { Succeeded: false })
        {
            Discard(Pending);
            Pending = null;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(string pending, string? fileName)
    {
        if (!IsPendingId(pending) || !System.IO.File.Exists(PendingPath(pending)))
        {
            Error = "That upload is no longer waiting (it was applied or cancelled). Upload the file again.";
            return Page();
        }

        try
        {
            FileName = fileName;
            Report = await RunAsync(pending, fileName ?? "upload.recipe.json", dryRun: false);
            Applied = Report?.Applied == true;
        }
        finally
        {
            Discard(pending);
        }

        return Page();
    }

    public IActionResult OnPostCancel(string pending)
    {
        if (IsPendingId(pending))
        {
            Discard(pending);
        }

        return Redirect($"{Request.PathBase}/admin/import");
    }

    private async Task<RecipeResult?> RunAsync(string pending, string fileName, bool dryRun)
    {
        var path = PendingPath(pending);
        var source = new RecipeSource(fileName, () => System.IO.File.OpenRead(path), null);
        return await HttpContext.RequestServices.GetRequiredService<TenantRecipes>()
            .ImportAsync(HttpContext.GetTenant().Name, source, new RecipeOptions { DryRun = dryRun }, HttpContext.RequestAborted);
    }

    private string PendingPath(string pending)
    {
        var folder = Path.Combine(HttpContext.RequestServices.GetRequiredService<CmsDatabase>().TenantFolder(HttpContext.GetTenant().Name), "PendingRecipes");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, pending + ".json");
    }

    private void Discard(string pending) => System.IO.File.Delete(PendingPath(pending));

    private static bool IsPendingId(string? pending) => pending is { Length: 32 } && pending.All(char.IsAsciiHexDigitLower);
}
