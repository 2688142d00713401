using System.Globalization;
using System.Net;
using System.Security.Claims;
using Cms.Practice;
using Cms.Security;
using Cms.Tenancy;

namespace Cms.Web.Endpoints;

/// <summary>
/// The host's pages: the Default tenant's home page, a signed-in landing page and a friendly 404;
/// every other tenant's public pages come from the Practice module.
/// </summary>
internal static class SitePages
{
    public static void MapSitePages(this IEndpointRouteBuilder app)
    {
        // A practice's public site is the Practice module's; the host's own tenant has a page about the server.
        app.MapPracticeSite(context => !context.GetTenant().Settings.IsDefault, context => context.Request.Path.Value is "/" or ""
            ? Html(StatusPage.Render(context.GetTenant().Site.SiteName, $"""<p>This server hosts therapy-practice sites. Hosting operators manage them in the <a href="{context.Request.PathBase}/admin">host administration</a>.</p>""")).ExecuteAsync(context)
            : NotFound(context).ExecuteAsync(context));

        app.MapGet("/admin", async (HttpContext context, TenantManager tenants) =>
        {
            var tenant = context.GetTenant();
            var user = WebUtility.HtmlEncode(context.User.Identity?.Name);
            var body = $"<p>Signed in to <strong>{WebUtility.HtmlEncode(tenant.Site.SiteName)}</strong> as {user}.</p>";
            if (tenant.Settings.IsDefault && context.User.IsInRole(Roles.Administrator))
            {
                body += await TenantTableAsync(tenants, context.RequestAborted);
            }

            body += $"""<form method="post" action="{context.Request.PathBase}/logout">{AntiforgeryField(context)}<button type="submit">Sign out</button></form>""";
            return Html(StatusPage.Render("Administration", body));
        }).RequireAuthorization(policy => policy.AddAuthenticationSchemes(CmsAuthentication.CookieScheme).RequireAuthenticatedUser().RequireClaim(ClaimTypes.Role));

        app.MapFallback(NotFound);
    }

    private static IResult NotFound(HttpContext context) => Html(
        StatusPage.Render("Page not found", $"""<p>There is no page at this address. Go to the <a href="{context.Request.PathBase}/">home page</a>.</p>"""),
        StatusCodes.Status404NotFound);

    private static async Task<string> TenantTableAsync(TenantManager tenants, CancellationToken cancellationToken)
    {
        var rows = (await tenants.ListAsync(cancellationToken)).Select(t =>
            $"<tr><td>{WebUtility.HtmlEncode(t.Name)}</td><td>{t.State}</td><td>{WebUtility.HtmlEncode(t.Prefix ?? "")}</td><td>{WebUtility.HtmlEncode(string.Join(", ", t.Hosts))}</td><td>{t.CreatedUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}</td></tr>");
        return $"<h2>Practices</h2><table><thead><tr><th>Name</th><th>State</th><th>Prefix</th><th>Hosts</th><th>Created</th></tr></thead><tbody>{string.Concat(rows)}</tbody></table>";
    }

    private static string AntiforgeryField(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>().GetAndStoreTokens(context);
        return $"""<input type="hidden" name="{tokens.FormFieldName}" value="{tokens.RequestToken}">""";
    }

    private static IResult Html(string html, int statusCode = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", statusCode: statusCode);
}
