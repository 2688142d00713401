using System.Net;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>
/// Issue 14, item 12: Apply on the Import page returns at once to a status page that shows the import's progress and
/// then its counts, and a second import into the practice while the first runs is refused with the reason.
/// </summary>
public sealed class BackgroundImportAdminTests : IClassFixture<CmsFactory>
{
    private const int Items = 4000;

    private readonly CmsFactory _factory;

    public BackgroundImportAdminTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task ApplyReturnsAtOnceToAStatusPageThatEndsWithTheCountsAndASecondImportWaitsItsTurn()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var big = await CheckAsync(admin, NotesRecipe.Json(Items));
        var second = await CheckAsync(admin, PublicSite.ArticleRecipe("secondimport000000000001", "The Second Import", "articles/the-second-import", published: true));

        using var applied = await ImportStatusPage.ApplyAsync(admin, AdminSite.Base, big);
        var status = applied.Headers.Location?.OriginalString;
        var running = await PublicSite.ParseAsync(await admin.GetStringAsync(status), status!);
        var refused = await PublicSite.ParseAsync(await (await ImportStatusPage.ApplyAsync(admin, AdminSite.Base, second)).Content.ReadAsStringAsync(), "/admin/import");
        var finished = await ImportStatusPage.FinishedAsync(admin, status!);

        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.StartsWith(AdminSite.Base + "/admin/import/status/", status, StringComparison.Ordinal);
        Assert.NotNull(running.QuerySelector("meta[http-equiv=refresh]"));
        Assert.Matches(@"(Checking|Applying) test\.recipe\.json", running.QuerySelector("h1")!.TextContent);
        Assert.Contains("Another import into this practice is running", refused.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(second, refused.QuerySelector("input[name=pending]")?.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.Client().GetAsync(AdminSite.Base + "/articles/the-second-import")).StatusCode);
        Assert.Contains($"{Items} items imported", finished.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        // Its turn now: the upload waited and applies.
        Assert.Contains("Applied: 1 items imported", await ImportStatusPage.ApplyAndWaitAsync(admin, AdminSite.Base, second), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _factory.Client().GetAsync(AdminSite.Base + "/articles/the-second-import")).StatusCode);
    }

    [Fact]
    public async Task AStatusPageOfNoImportIsNotFound()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var response = await admin.GetAsync(AdminSite.Base + "/admin/import/status/0123456789abcdef0123456789abcdef");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<string> CheckAsync(HttpClient admin, string recipe)
    {
        using var response = await AdminSite.UploadRecipeAsync(admin, AdminSite.Base, recipe);
        var check = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), "/admin/import");
        Assert.Contains("ready to import", check.QuerySelector("#report-title")?.TextContent, StringComparison.Ordinal);
        return check.QuerySelector("input[name=pending]")!.GetAttribute("value")!;
    }
}
