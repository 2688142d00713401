using System.Net;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>The practice settings page: the public site follows it at once; a colour too light to read is refused.</summary>
public sealed class SettingsAdminTests : IClassFixture<CmsFactory>
{
    private readonly CmsFactory _factory;

    public SettingsAdminTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task SavedSettingsShowOnThePublicSiteAtOnce()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        Assert.Contains("Riverbend Counseling", await _factory.Client().GetStringAsync(AdminSite.Base + "/"), StringComparison.Ordinal);

        var saved = await AdminSite.PostFormAsync(admin, AdminSite.Base + "/admin/settings", await FormAsync(admin, ("PracticeSettings.PracticeName", "Riverbend Counseling Collective"), ("PracticeSettings.Phone", "(845) 555-0199")));

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        var home = await PublicSite.PageAsync(_factory.Client(), AdminSite.Base + "/");
        Assert.Equal("Riverbend Counseling Collective", home.QuerySelector(".brand-name")!.TextContent);
        Assert.Equal("tel:8455550199", home.QuerySelector("address a[href^='tel:']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task AnAccentColourTooLightToReadIsRefusedNextToTheFieldAndNothingChanges()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var before = await _factory.Client().GetStringAsync(AdminSite.Base + "/counselors");

        var response = await AdminSite.PostFormAsync(admin, AdminSite.Base + "/admin/settings", await FormAsync(admin, ("PracticeSettings.AccentColor", "#9fc5b5"), ("PracticeSettings.PracticeName", "Should Not Be Saved")));
        var page = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), "/admin/settings");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("too light to read", page.QuerySelector("[data-kind=TextField].field-error .error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await _factory.Client().GetStringAsync(AdminSite.Base + "/counselors"));
        Assert.DoesNotContain("Should Not Be Saved", await _factory.Client().GetStringAsync(AdminSite.Base + "/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyThoseWhoMayManageSettingsOpenThePage()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await AdminSite.AddUserAsync(admin, "settings-author", "a-long-password-1", "Author");
        var author = await AdminSite.SignInAsync(_factory, "settings-author", "a-long-password-1");

        Assert.Equal(HttpStatusCode.Forbidden, (await author.GetAsync(AdminSite.Base + "/admin/settings")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(AdminSite.Base + "/admin/settings")).StatusCode);
    }

    // The form as the page fills it, with some fields changed.
    private static async Task<List<KeyValuePair<string, string>>> FormAsync(HttpClient admin, params (string Name, string Value)[] changes)
    {
        var page = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/settings");
        var fields = page.QuerySelectorAll("form.editor input[name], form.editor textarea[name], form.editor select[name]")
            .Where(e => e.GetAttribute("type") is not ("checkbox" or "file" or "hidden") && !e.GetAttribute("name")!.StartsWith("__", StringComparison.Ordinal))
            .Select(e => new KeyValuePair<string, string>(e.GetAttribute("name")!, e.LocalName == "textarea" ? e.TextContent : e.LocalName == "select" ? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? "" : e.GetAttribute("value") ?? ""))
            .Where(f => !changes.Any(c => c.Name == f.Key))
            .ToList();
        fields.AddRange(changes.Select(c => new KeyValuePair<string, string>(c.Name, c.Value)));
        return fields;
    }
}
