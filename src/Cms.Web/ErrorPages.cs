using Cms.Data;
using Cms.Tenancy;

namespace Cms.Web;

/// <summary>
/// What a person sees when a request fails on the server: a page that says what happened (a full disk says so and that
/// nothing was saved; anything else names the log entry), never an empty 500. API callers get the same as JSON.
/// </summary>
internal static class ErrorPages
{
    public static void UseErrorPages(this WebApplication app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var (status, title, message) = Describe(context, exception);
            context.Response.Clear();
            context.Response.Headers.ContentSecurityPolicy = Cms.Security.ContentSecurityPolicies.Admin;
            context.Response.Headers.XContentTypeOptions = "nosniff";
            var reference = $"Reference for the hosting provider: {context.TraceIdentifier}.";
            if (IsApi(context.Request.Path))
            {
                await Results.Problem(title: title, detail: $"{message} {reference}", statusCode: status).ExecuteAsync(context);
                return;
            }

            await StatusPage.WriteAsync(context, status, title, $"<p>{System.Net.WebUtility.HtmlEncode(message)}</p><p>{System.Net.WebUtility.HtmlEncode(reference)}</p>");
        }
    });

    private static (int Status, string Title, string Message) Describe(HttpContext context, Exception exception)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ErrorPages).FullName!);
        var tenant = context.FindTenant()?.Name ?? "(none)";
        if (exception is BadHttpRequestException bad)
        {
            // The client's mistake (a form without its token, a body that is not what the endpoint reads): no server error.
            logger.LogInformation("Refused {Method} {Path} for tenant {Tenant}: {Reason}", context.Request.Method, context.Request.Path, tenant, bad.Message);
            return bad.InnerException is Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException
                ? (bad.StatusCode, "This form has expired", "The form was old or did not come from this site, so nothing was done. Go back, reload the page and send it again.")
                : (bad.StatusCode, "The request could not be read", "What was sent is not what this address takes, so nothing was done.");
        }

        var database = context.RequestServices.GetRequiredService<CmsDatabase>();
        if (StorageFull.Is(exception, context.FindTenant() is { } found ? database.TenantFolder(found.Name) : database.DataPath))
        {
            logger.LogCritical(exception, "Out of disk space serving {Method} {Path} for tenant {Tenant} (request {RequestId})", context.Request.Method, context.Request.Path, tenant, context.TraceIdentifier);
            return (StatusCodes.Status507InsufficientStorage, "The server's disk is full",
                "The server has run out of disk space, so nothing was saved. What you typed is still in your browser: go back, keep it, and try again once the hosting provider has made room.");
        }

        logger.LogError(exception, "Request {Method} {Path} for tenant {Tenant} failed (request {RequestId})", context.Request.Method, context.Request.Path, tenant, context.TraceIdentifier);
        return (StatusCodes.Status500InternalServerError, "Something went wrong",
            "The server could not finish this request. Check whether your change is there before you repeat it.");
    }

    /// <summary>The host's API (/api/...) or a practice's (/{prefix}/api/...), seen before the prefix is taken off.</summary>
    public static bool IsApi(PathString path)
    {
        var segments = (path.Value ?? "").Split('/', 4, StringSplitOptions.RemoveEmptyEntries);
        return segments is ["api", ..] or [_, "api", ..];
    }
}
