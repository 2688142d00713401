using System.Net;
using AngleSharp.Dom;
using Cms.Web.Tests.Practice;

namespace Cms.Web.Tests.Admin;

/// <summary>The Import page's Apply, which starts the import in the background and answers with its status page.</summary>
internal static class ImportStatusPage
{
    /// <summary>Posts Apply; the response is the redirect to the status page, or the Import page saying why not.</summary>
    public static Task<HttpResponseMessage> ApplyAsync(HttpClient admin, string tenantBase, string pending) =>
        AdminSite.PostFormAsync(admin, tenantBase + "/admin/import", [new("pending", pending), new("fileName", "test.recipe.json")], "Apply");

    /// <summary>Follows the status page until the import has finished (it refreshes itself while it runs).</summary>
    public static async Task<IDocument> FinishedAsync(HttpClient admin, string statusUrl)
    {
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            var page = await PublicSite.ParseAsync(await admin.GetStringAsync(statusUrl), statusUrl);
            if (page.QuerySelector("meta[http-equiv=refresh]") is null)
            {
                return page;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The import at {statusUrl} did not finish within two minutes.");
    }

    /// <summary>Applies and waits for the result: the finished status page's text.</summary>
    public static async Task<string> ApplyAndWaitAsync(HttpClient admin, string tenantBase, string pending)
    {
        using var applied = await ApplyAsync(admin, tenantBase, pending);
        if (applied.StatusCode != HttpStatusCode.Redirect)
        {
            return await applied.Content.ReadAsStringAsync();
        }

        return (await FinishedAsync(admin, applied.Headers.Location!.OriginalString)).Body!.TextContent;
    }
}
