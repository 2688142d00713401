using Cms.Content.Definitions;
using Cms.Recipes;
using Cms.Recipes.Export;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Admin.Pages.Admin.Recipes;

[Authorize(Policy = Permissions.Export)]
public sealed class ExportModel : PageModel
{
    public IReadOnlyList<ContentTypeDefinition> Types { get; private set; } = [];

    public void OnGet() =>
        Types = HttpContext.GetTenant().Definitions.ContentTypeDefinitionRecords.OrderBy(t => t.DisplayName, StringComparer.CurrentCulture).ToList();

    /// <summary>Streams the recipe as a download; the file is written as it is read from the database.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string[]? types)
    {
        var tenant = HttpContext.GetTenant();
        Response.ContentType = "application/json; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{tenant.Name}-{HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow():yyyyMMdd}.recipe.json\"";
        await HttpContext.RequestServices.GetRequiredService<TenantRecipes>()
            .ExportAsync(tenant.Name, new ExportOptions { ContentTypes = types ?? [] }, Response.Body, HttpContext.RequestAborted);
        return new EmptyResult();
    }
}
