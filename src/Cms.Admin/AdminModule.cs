using System.Security.Cryptography;
using Cms.Content;
using Cms.Markdown.Services;
using Microsoft.AspNetCore.Mvc;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Admin;

/// <summary>The admin of every tenant at /admin: Razor Pages, each authorized by a permission policy.</summary>
public static class AdminModule
{
    private static readonly Lazy<IReadOnlyDictionary<string, byte[]>> s_assets = new(ReadAssets);
    private static readonly Lazy<IReadOnlyDictionary<string, string>> s_versions = new(() =>
        s_assets.Value.ToDictionary(a => a.Key, a => Convert.ToHexStringLower(SHA256.HashData(a.Value))[..12], StringComparer.Ordinal));

    /// <summary>
    /// The path of one of the admin's own files, with its content's hash: a browser keeps it for a year, and a new
    /// release's file has a new address, so nobody runs last release's script against this release's pages.
    /// </summary>
    public static string AssetPath(string name) => $"admin/assets/{name}?v={s_versions.Value[name]}";

    public static IServiceCollection AddCmsAdmin(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Admin", Permissions.AccessAdminPanel);
            options.Conventions.AddPageRoute("/Admin/Content/Edit", "admin/content/new/{type}");
        });
        services.AddSingleton(provider => new Editors.MediaLibrary(provider.GetRequiredService<Media.IMediaStore>()));
        services.AddSingleton(provider => new Editors.MediaUploads(provider.GetRequiredService<Media.IMediaStore>(), provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<Media.MediaImages>()));
        services.AddSingleton(provider => new AdminContent(provider.GetRequiredService<ContentServices>(), provider.GetRequiredService<ScheduledPublishing>(), provider.GetRequiredService<TimeProvider>()));
        return services;
    }

    public static void MapCmsAdmin(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapRazorPages();
        endpoints.MapEditorEndpoints();
        // The Markdown editor's preview: the same pipeline (Markdig, then the sanitizer) the public site's bodies come from,
        // and its site links (images in /media/) under the practice's address, as the public page puts them.
        endpoints.MapPost("/admin/preview/markdown", ([FromForm] string? markdown, IMarkdownRenderer renderer, HttpContext context) =>
            Results.Content(LinkAddresses.Rebase(renderer.ToHtml(markdown ?? ""), context.Request.PathBase, context.GetTenant().Settings.Prefix), "text/html; charset=utf-8"))
            .RequireAuthorization(Permissions.AccessAdminPanel);
        endpoints.MapGet("/admin/assets/{name}", (string name, HttpContext context) =>
        {
            if (!s_assets.Value.TryGetValue(name, out var bytes))
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = context.Request.Query["v"] == s_versions.Value[name]
                ? "public, max-age=31536000, immutable"
                : "no-cache";
            return Results.Bytes(bytes, name.EndsWith(".css", StringComparison.Ordinal) ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
        });
    }

    private static Dictionary<string, byte[]> ReadAssets()
    {
        var assembly = typeof(AdminModule).Assembly;
        var assets = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Admin.", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            assets[resource["Admin.".Length..]] = copy.ToArray();
        }

        return assets;
    }
}
