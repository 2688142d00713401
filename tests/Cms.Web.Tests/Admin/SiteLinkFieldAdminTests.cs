using System.Net;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>
/// Issue 14, item 1: a link field takes a page of the site (/x or ~/x) as well as a web, e-mail or phone address; the
/// browser does not judge it (a text box), the server does, and says next to the field what is wrong.
/// </summary>
public sealed class SiteLinkFieldAdminTests : IClassFixture<CmsFactory>
{
    private const string Settings = AdminSite.Base + "/admin/settings";
    private const string PrivacyLink = "PracticeSettings.PrivacyNoticeLink";

    private readonly CmsFactory _factory;

    public SiteLinkFieldAdminTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task TheLinkBoxIsATextBoxForAddressesSoTheBrowserAcceptsASitePath()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var page = await PublicSite.PageAsync(admin, Settings);

        var box = page.QuerySelector("#f-PracticeSettings-PrivacyNoticeLink")!;
        Assert.Null(box.GetAttribute("type"));
        Assert.Equal("url", box.GetAttribute("inputmode"));
        Assert.Empty(page.QuerySelectorAll("form.editor input[type=url]"));
    }

    [Fact]
    public async Task ASitePathWrittenWithATildeIsSavedAndLinksUnderThePracticesPrefix()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var saved = await AdminSite.PostFormAsync(admin, Settings, (await AdminSite.FormFieldsAsync(admin, Settings)).With(PrivacyLink, "~/notice-of-privacy-practices"));

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        var home = await PublicSite.PageAsync(_factory.Client(), AdminSite.Base + "/");
        Assert.NotNull(home.QuerySelector(".footer-links a[href='/riverbend/notice-of-privacy-practices']"));
        var byHost = await PublicSite.PageAsync(_factory.Client("riverbend.localhost"), "/");
        Assert.NotNull(byHost.QuerySelector(".footer-links a[href='/notice-of-privacy-practices']"));
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)", "scheme that is not allowed")]
    [InlineData("data:text/html,<script>alert(1)</script>", "scheme that is not allowed")]
    [InlineData("www.example.com", "https://")]
    [InlineData("//evil.example/notice", "https://")]
    public async Task AnAddressThatIsNeitherASitePathNorAWebAddressIsRefusedNextToTheFieldAndNothingChanges(string address, string said)
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var before = await _factory.Client().GetStringAsync(AdminSite.Base + "/contact");

        var response = await AdminSite.PostFormAsync(admin, Settings, (await AdminSite.FormFieldsAsync(admin, Settings)).With(PrivacyLink, address).With("PracticeSettings.PracticeName", "Not Saved"));
        var page = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), "/admin/settings");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(said, page.QuerySelector("#f-PracticeSettings-PrivacyNoticeLink-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(address, page.QuerySelector("#f-PracticeSettings-PrivacyNoticeLink")!.GetAttribute("value"));
        Assert.Equal(before, await _factory.Client().GetStringAsync(AdminSite.Base + "/contact"));
    }
}
