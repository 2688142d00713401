using System.Net;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>
/// Issue 13, item 4: one time zone per practice, the site settings', chosen on the Settings page from the IANA zones and
/// shown by the admin and the public pages alike. Before, the page changed a field of the practice's settings that only
/// the public site read, and took any text ("Mars/Olympus").
/// </summary>
public sealed class TimeZoneSettingsTests : IClassFixture<CmsFactory>
{
    private const string Part3 = "/articles/what-you-should-know-about-therapy-part-3";

    private readonly CmsFactory _factory;

    public TimeZoneSettingsTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task TheZoneChosenOnTheSettingsPageIsTheOneTheAdminAndThePublicSiteShow()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var saved = await AdminSite.PostFormAsync(admin, AdminSite.Base + "/admin/settings", await FormAsync(admin, "Asia/Tokyo"));

        // Part 3 was published 2020-08-18T13:00:00Z: 22:00 in Tokyo.
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        var article = await PublicSite.PageAsync(_factory.Client(), AdminSite.Base + Part3);
        Assert.Equal("2020-08-18T22:00:00+09:00", article.QuerySelector("time.published")!.GetAttribute("datetime"));
        var list = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content?q=helping");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Part 3: How to Tell", StringComparison.Ordinal));
        Assert.Equal("2020-08-18 22:00", row.QuerySelectorAll("td")[^1].TextContent.Trim());
        var settings = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/settings");
        Assert.Equal("Asia/Tokyo", settings.QuerySelector("select[name='SiteSettings.TimeZone'] option[selected]")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("")]
    [InlineData("Eastern Standard Time")]
    public async Task AZoneThatIsNotOneIsRefusedNextToTheFieldAndNothingChanges(string zone)
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var before = await PublicSite.PageAsync(_factory.Client(), AdminSite.Base + Part3);
        var form = await FormAsync(admin, zone);
        form.Add(new("PracticeSettings.PracticeName", "Should Not Be Saved"));
        form.RemoveAll(f => f.Key == "PracticeSettings.PracticeName" && f.Value != "Should Not Be Saved");

        var response = await AdminSite.PostFormAsync(admin, AdminSite.Base + "/admin/settings", form);
        var page = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), "/admin/settings");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is not a time zone", page.QuerySelector("[data-kind=TimeZone].field-error .error")!.TextContent, StringComparison.Ordinal);
        var after = await PublicSite.PageAsync(_factory.Client(), AdminSite.Base + Part3);
        Assert.Equal(before.QuerySelector("time.published")!.GetAttribute("datetime"), after.QuerySelector("time.published")!.GetAttribute("datetime"));
        Assert.DoesNotContain("Should Not Be Saved", await _factory.Client().GetStringAsync(AdminSite.Base + "/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSettingsPageOffersIanaZonesOnly()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var page = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/settings");
        var offered = page.QuerySelectorAll("select[name='SiteSettings.TimeZone'] option").Select(o => o.GetAttribute("value")!).ToList();

        Assert.Contains("America/New_York", offered);
        Assert.Contains("Europe/Amsterdam", offered);
        Assert.Equal("UTC", offered[0]);
        Assert.All(offered.Skip(1), id => Assert.Contains('/', id));
        Assert.DoesNotContain(offered, id => id.StartsWith("Etc/", StringComparison.Ordinal));
    }

    // The form as the page fills it, with the time zone set.
    private static async Task<List<KeyValuePair<string, string>>> FormAsync(HttpClient admin, string zone)
    {
        var page = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/settings");
        var fields = page.QuerySelectorAll("form.editor input[name], form.editor textarea[name], form.editor select[name]")
            .Where(e => e.GetAttribute("type") is not ("checkbox" or "file" or "hidden") && !e.GetAttribute("name")!.StartsWith("__", StringComparison.Ordinal))
            .Where(e => e.GetAttribute("name") != "SiteSettings.TimeZone")
            .Select(e => new KeyValuePair<string, string>(e.GetAttribute("name")!, e.LocalName == "textarea" ? e.TextContent : e.LocalName == "select" ? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? "" : e.GetAttribute("value") ?? ""))
            .ToList();
        fields.Add(new("SiteSettings.TimeZone", zone));
        return fields;
    }
}
