using System.Net;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>Overriding the public site's templates in the admin: save, preview, reset; a broken one never reaches the site.</summary>
public sealed class TemplatesAdminTests : IClassFixture<CmsFactory>
{
    private const string NotFound = AdminSite.Base + "/admin/templates/not-found";

    private readonly CmsFactory _factory;

    public TemplatesAdminTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task ASavedTemplateChangesTheSiteAndResetBringsTheThemesBack()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var saved = await AdminSite.PostFormAsync(admin, NotFound, [new("Source", "<h1>Lost in {{ Practice.Name }}</h1>"), new("PreviewPath", "/")], "Save");

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        Assert.Equal("Lost in Riverbend Counseling", (await PublicSite.PageAsync(_factory.Client(), AdminSite.Base + "/nowhere", HttpStatusCode.NotFound)).QuerySelector("h1")!.TextContent);

        Assert.Equal(HttpStatusCode.Found, (await AdminSite.PostFormAsync(admin, NotFound, [new("Source", "")], "Reset")).StatusCode);
        Assert.Equal("We couldn't find that page", (await PublicSite.PageAsync(_factory.Client(), AdminSite.Base + "/nowhere", HttpStatusCode.NotFound)).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task ABrokenTemplateIsNotSavedAndTheErrorNamesItsLine()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var response = await AdminSite.PostFormAsync(admin, AdminSite.Base + "/admin/templates/page", [new("Source", "<article>\n<h1>{{ PageItem.Title }}</h1>\n{% if Body %}\n{{ Body | raw }}\n</article>"), new("PreviewPath", "/")], "Save");
        var page = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), "/admin/templates/page");

        var error = page.QuerySelector(".error-summary .error")!.TextContent;
        Assert.StartsWith("Not saved:", error, StringComparison.Ordinal);
        Assert.Matches(@"\(\d+:\d+\)|line \d+", error);
        Assert.Contains("{% if Body %}", page.QuerySelector("textarea#source")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _factory.Client().GetAsync(AdminSite.Base + "/contact")).StatusCode);
    }

    [Fact]
    public async Task APreviewRendersTheTextInTheBoxWithoutSavingIt()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var preview = await AdminSite.PostFormAsync(admin, AdminSite.Base + "/admin/templates/home", [new("Source", "<p id=\"preview-marker\">{{ Site.Articles.size }} articles</p>"), new("PreviewPath", "/")], "Preview");

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("<p id=\"preview-marker\">7 articles</p>", await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("preview-marker", await _factory.Client().GetStringAsync(AdminSite.Base + "/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATemplateThatFailsWhileRenderingLeavesTheLiveSiteOnTheThemesPage()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        await AdminSite.PostFormAsync(admin, AdminSite.Base + "/admin/templates/series-index", [new("Source", "<p>{{ 10 | divided_by: 0 }}</p>"), new("PreviewPath", "/")], "Save");
        var page = await PublicSite.PageAsync(_factory.Client(), AdminSite.Base + "/series");

        Assert.Equal("Series", page.QuerySelector("main h1")!.TextContent);
    }
}
