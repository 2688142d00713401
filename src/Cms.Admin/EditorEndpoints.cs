using Cms.Admin.Editors;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Cms.Admin;

/// <summary>The JSON the item editor's script asks for while someone edits: items to pick, images in the library.</summary>
internal static class EditorEndpoints
{
    public const int DefaultTake = 20;
    public const int MaxTake = 50;

    public static void MapEditorEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/content/choices", ChoicesAsync).RequireAuthorization(Permissions.AccessAdminPanel);
        endpoints.MapGet("/admin/media/library", MediaAsync).RequireAuthorization(Permissions.AccessAdminPanel);
    }

    // GET /admin/content/choices?types=Counselor,Series&q=dan&take=20: for whoever may edit content or view it all.
    private static async Task<Results<Ok<IReadOnlyList<ContentChoice>>, ForbidHttpResult>> ChoicesAsync(
        string? types, string? q, int? take, HttpContext context, AdminContent content)
    {
        if (!await AdminContent.MayAsync(context, Permissions.EditOwnContent, null) && !await AdminContent.HasAsync(context, Permissions.ViewContent))
        {
            return TypedResults.Forbid();
        }

        var query = new ChoiceQuery(
            (types ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            q,
            Math.Clamp(take ?? DefaultTake, 1, MaxTake),
            await AdminContent.DraftOwnerAsync(context));
        await using var session = content.Open(context);
        return TypedResults.Ok(await session.ChoicesAsync(query, context.RequestAborted));
    }

    // GET /admin/media/library?q=river&page=2: the practice's own images, for whoever may edit content (who may pick one for a field).
    private static async Task<Results<Ok<MediaPage>, ForbidHttpResult>> MediaAsync(string? q, int? page, HttpContext context, MediaLibrary library)
    {
        if (!await AdminContent.MayAsync(context, Permissions.EditOwnContent, null))
        {
            return TypedResults.Forbid();
        }

        var found = await library.ListAsync(context.GetTenant().Settings, q, page ?? 1, null, context.RequestAborted);
        var files = found.Files.Select(f => f with { Url = context.Request.PathBase + Media.MediaImages.SitePath(f.Path) }).ToList();
        return TypedResults.Ok(found with { Files = files });
    }
}
