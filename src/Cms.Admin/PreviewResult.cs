using Cms.Security;
using Microsoft.AspNetCore.Mvc;

namespace Cms.Admin;

/// <summary>
/// A practice's page rendered for an admin preview. Its markup comes from templates a practice administrator writes
/// and it is served on the admin's origin, so it goes out under the public site's policy in a sandbox: no script of
/// the practice's runs, and none could act with the admin's cookies (ContentSecurityPolicies.Preview).
/// </summary>
internal sealed record PreviewResult(int StatusCode, string Html) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        context.HttpContext.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicies.Preview;
        return new ContentResult { Content = Html, ContentType = "text/html; charset=utf-8", StatusCode = StatusCode }.ExecuteResultAsync(context);
    }
}
