using Cms.Modules;
using Cms.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Admin;

/// <summary>What modules add to the admin, as the tenant's features let them: menu entries and item actions.</summary>
public static class AdminMenu
{
    /// <summary>The modules' menu entries running for the tenant, in position order (permissions still to check).</summary>
    public static IEnumerable<AdminMenuEntry> Entries(HttpContext context) =>
        context.RequestServices.GetServices<AdminMenuEntry>().Running(context.GetTenant().Features).OrderBy(e => e.Position);

    /// <summary>The section a list or an item of this type belongs to: a module's entry for the type's list, else Content.</summary>
    public static string SectionOf(HttpContext context, string? contentType) =>
        contentType is null ? "content" : Entries(context).FirstOrDefault(e => e.Path == $"admin/content?type={contentType}")?.Section ?? "content";

    /// <summary>The modules' links for a saved item of this type.</summary>
    public static IEnumerable<(string Text, string Path)> ActionsFor(HttpContext context, string contentType, string contentItemId) =>
        context.RequestServices.GetServices<ContentItemAction>().Running(context.GetTenant().Features)
            .Where(a => a.ContentType == contentType)
            .Select(a => (a.Text, string.Format(System.Globalization.CultureInfo.InvariantCulture, a.PathFormat, Uri.EscapeDataString(contentItemId))));
}
