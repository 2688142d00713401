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
        // A practice's public site is the Practice module's (while its feature is on); the host's own tenant has a page
        // about the server; anything else is not found.
        app.MapPracticeSite(context => !context.GetTenant().Settings.IsDefault, context => context.Request.Path.Value is "/" or "" && context.GetTenant().Settings.IsDefault
            ? Html(StatusPage.Render(context.GetTenant().DisplayName, $"""<p>This server hosts therapy-practice sites. Hosting operators manage them in the <a href="{context.Request.PathBase}/admin">host administration</a>.</p>""")).ExecuteAsync(context)
            : NotFound(context).ExecuteAsync(context));

        app.MapFallback(NotFound);
    }

    private static IResult NotFound(HttpContext context) => Html(
        StatusPage.Render("Page not found", $"""<p>There is no page at this address. Go to the <a href="{context.Request.PathBase}/">home page</a>.</p>"""),
        StatusCodes.Status404NotFound);

    private static IResult Html(string html, int statusCode = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", statusCode: statusCode);
}
