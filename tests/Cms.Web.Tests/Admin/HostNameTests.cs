using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>Issue 14, item 11: the host's own tenant is "Host administration" to people, never "Default".</summary>
public sealed class HostNameTests : IClassFixture<CmsFactory>
{
    private readonly CmsFactory _factory;

    public HostNameTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task TheHostsSignInAndAdminSayHostAdministration()
    {
        var login = await _factory.Client().GetStringAsync("/login");
        var host = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword, tenantBase: "");
        var dashboard = await PublicSite.PageAsync(host, "/admin");

        Assert.Contains("Host administration", login, StringComparison.Ordinal);
        Assert.DoesNotContain("Default", login, StringComparison.Ordinal);
        Assert.Equal("Host administration", dashboard.QuerySelector(".topbar-site")!.TextContent);
        Assert.DoesNotContain("Default", dashboard.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("Default", dashboard.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
