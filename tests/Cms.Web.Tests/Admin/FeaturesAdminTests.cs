using System.Net;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>
/// Issue 13, item 3: a tenant's features decide which modules run for it. Turning the Practice feature off on the
/// Features page removes its admin entries, its admin pages and its public site at once, keeps its content, and
/// turning it on again brings everything back.
/// </summary>
public sealed class FeaturesAdminTests : IClassFixture<CmsFactory>
{
    private const string Article = AdminSite.Base + "/articles/what-you-should-know-about-therapy-part-1";
    private const string SeriesEditor = AdminSite.Base + "/admin/content/serieswhatyoushouldknow001";
    private static readonly string[] s_practiceEntries = ["Series", "Counselors", "Templates"];

    private readonly CmsFactory _factory;

    public FeaturesAdminTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task TurningPracticeOffRemovesItsEntriesPagesAndSiteAndTurningItOnBringsThemBack()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        Assert.Equal(s_practiceEntries, (await AdminSite.MenuAsync(admin)).Intersect(s_practiceEntries));
        Assert.Equal(HttpStatusCode.OK, (await _factory.Client().GetAsync(Article)).StatusCode);
        Assert.Equal(["Order of the parts"], await ItemActionsAsync(admin));

        var off = await AdminSite.PostFormAsync(admin, AdminSite.Base + "/admin/features", [new("feature", "Cms.Practice"), new("on", "false")]);

        Assert.Equal(HttpStatusCode.Found, off.StatusCode);
        Assert.Empty((await AdminSite.MenuAsync(admin)).Intersect(s_practiceEntries));
        foreach (var page in new[] { "/admin/templates", "/admin/templates/home" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(AdminSite.Base + page)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(AdminSite.Base + "/admin/series/serieswhatyoushouldknow001/parts")).StatusCode);
        Assert.Empty(await ItemActionsAsync(admin));
        Assert.Empty(await PracticeSettingsFieldsAsync(admin));
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.Client().GetAsync(Article)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.Client().GetAsync(AdminSite.Base + "/")).StatusCode);
        var features = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/features");
        Assert.Equal("Off", features.QuerySelector("[data-feature='Cms.Practice'] .status")!.TextContent);

        // The content is kept: the admin still lists it, and it comes back on the site with the feature.
        var list = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content?q=should+know");
        Assert.NotEmpty(list.QuerySelectorAll("tbody tr"));
        var on = await AdminSite.PostFormAsync(admin, AdminSite.Base + "/admin/features", [new("feature", "Cms.Practice"), new("on", "true")]);

        Assert.Equal(HttpStatusCode.Found, on.StatusCode);
        Assert.Equal(s_practiceEntries, (await AdminSite.MenuAsync(admin)).Intersect(s_practiceEntries));
        Assert.NotEmpty(await PracticeSettingsFieldsAsync(admin));
        Assert.Contains("What You Should Know About Therapy", await _factory.Client().GetStringAsync(Article), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFeatureThisServerDoesNotHaveIsRefusedAndNothingChanges()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var before = (await AdminSite.MenuAsync(admin)).ToList();

        var response = await AdminSite.PostFormAsync(admin, AdminSite.Base + "/admin/features", [new("feature", "OrchardCore.Workflows"), new("on", "true")]);
        var page = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), "/admin/features");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("There is no feature 'OrchardCore.Workflows'", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await AdminSite.MenuAsync(admin));
    }

    [Fact]
    public async Task OnlyThoseWhoMayManageFeaturesOpenThePage()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await AdminSite.AddUserAsync(admin, "features-editor", "a-long-password-1", "Editor");
        var editor = await AdminSite.SignInAsync(_factory, "features-editor", "a-long-password-1");

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(AdminSite.Base + "/admin/features")).StatusCode);
        Assert.DoesNotContain("Features", await AdminSite.MenuAsync(editor));
        Assert.Contains("Features", await AdminSite.MenuAsync(admin));
    }

    [Fact]
    public async Task TheHostsOwnTenantHasNoFeaturesToTurnOn()
    {
        var host = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword, tenantBase: "");

        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync("/admin/features")).StatusCode);
        Assert.DoesNotContain("Series", await AdminSite.MenuAsync(host, tenantBase: ""));
    }

    // The links modules add to the series' editor.
    private static async Task<IReadOnlyList<string>> ItemActionsAsync(HttpClient admin) =>
        (await PublicSite.PageAsync(admin, SeriesEditor)).QuerySelectorAll("a.button-quiet[href*='/admin/series/']").Select(a => a.TextContent.Trim()).ToList();

    // The practice's own section of the Settings page (the site's time zone is there either way).
    private static async Task<IReadOnlyList<string>> PracticeSettingsFieldsAsync(HttpClient admin)
    {
        var page = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/settings");
        Assert.NotNull(page.QuerySelector("select[name='SiteSettings.TimeZone']"));
        return page.QuerySelectorAll("[name^='PracticeSettings.']").Select(e => e.GetAttribute("name")!).ToList();
    }
}
