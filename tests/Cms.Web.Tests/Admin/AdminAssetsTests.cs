using System.Net;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>The admin's own CSS and scripts: addressed by their content, so a browser keeps them and never mixes releases.</summary>
public sealed class AdminAssetsTests : IClassFixture<CmsFactory>
{
    private readonly CmsFactory _factory;

    public AdminAssetsTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task PagesLinkTheirFilesByContentHashAndOnlyThoseAddressesAreKeptForAYear()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var editor = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content/new/Article");
        var addresses = editor.QuerySelectorAll("script[src], link[rel=stylesheet]").Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!).ToList();

        Assert.Equal(5, addresses.Count);
        Assert.All(addresses, a => Assert.Matches(@"^/riverbend/admin/assets/[a-z\-]+\.(js|css)\?v=[0-9a-f]{12}$", a));
        foreach (var address in addresses)
        {
            using var response = await _factory.Client().GetAsync(address);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
        }

        using var stale = await _factory.Client().GetAsync(addresses[0].Split('?')[0] + "?v=000000000000");
        Assert.True(stale.Headers.CacheControl!.NoCache);
    }
}
