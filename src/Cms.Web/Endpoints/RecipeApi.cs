using Cms.Recipes;
using Cms.Recipes.Execution;
using Cms.Recipes.Export;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Web.Endpoints;

/// <summary>
/// Recipe import and export over HTTP, on each tenant, for users whose roles have the Import or Export permission
/// (as on the admin's Import and Export pages) and for the hosting operator's key.
/// </summary>
internal static class RecipeApi
{
    /// <summary>Recipes can be large (a whole site's content); the default request limit is 30 MB.</summary>
    private const long MaxRecipeBytes = 512L * 1024 * 1024;

    /// <summary>Maps /api/recipes on the API group, whose filter asks a cookie caller for the antiforgery token.</summary>
    public static void MapRecipeApi(this RouteGroupBuilder apiGroup)
    {
        var api = apiGroup.MapGroup("/recipes");
        api.MapPost("/", ImportAsync).RequireAuthorization(Permissions.Import).WithMetadata(new RequestSizeLimitAttribute(MaxRecipeBytes));
        api.MapGet("/export", ExportAsync).RequireAuthorization(Permissions.Export);
    }

    private static async Task<IResult> ImportAsync(HttpContext context, TenantRecipes recipes, bool? dryRun, bool? strict)
    {
        // The recipe is read twice (checked, then applied) and never held whole: it goes to a file first.
        var file = Path.Combine(Path.GetTempPath(), $"cms-recipe-{Guid.NewGuid():N}.json");
        try
        {
            await using (var target = File.Create(file))
            {
                await context.Request.Body.CopyToAsync(target, context.RequestAborted);
            }

            var source = new RecipeSource("upload.recipe.json", () => File.OpenRead(file), null);
            var options = new RecipeOptions { DryRun = dryRun ?? false, Strict = strict ?? false };
            var result = await recipes.ImportAsync(context.GetTenant().Name, source, options, context.RequestAborted);
            if (result is null)
            {
                return TypedResults.NotFound();
            }

            var report = new ImportReport(result.Applied, result.Errors.Select(Message).ToArray(), result.Warnings.Select(Message).ToArray(), result.Counts);
            return result.Succeeded ? TypedResults.Ok(report) : TypedResults.BadRequest(report);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task ExportAsync(HttpContext context, TenantRecipes recipes, string[]? type, string[]? item)
    {
        var tenant = context.GetTenant();
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{tenant.Name}.recipe.json\"";
        await recipes.ExportAsync(tenant.Name, new ExportOptions { ContentTypes = type ?? [], ContentItemIds = item ?? [] }, context.Response.Body, context.RequestAborted);
    }

    private static MessageModel Message(RecipeMessage message) => new(message.Step, message.Location, message.Message);

    internal sealed record ImportReport(bool Applied, IReadOnlyList<MessageModel> Errors, IReadOnlyList<MessageModel> Warnings, IReadOnlyDictionary<string, int> Counts);

    internal sealed record MessageModel(int? Step, string Location, string Message);
}
