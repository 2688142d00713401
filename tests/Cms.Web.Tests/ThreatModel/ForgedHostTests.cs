using System.Net;
using Cms.Tenancy;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests.ThreatModel;

/// <summary>
/// Issue 10, item 8: absolute links (canonical, OpenGraph, JSON-LD, sitemap, feeds, robots.txt) come from an address the
/// operator configured, never from a Host or X-Forwarded-* header a client made up.
/// </summary>
[Trait("Suite", "ThreatModel")]
public sealed class ForgedHostTests : IClassFixture<CmsFactory>
{
    private static readonly string[] s_pages =
        ["/", "/articles/what-you-should-know-about-therapy-part-1", "/sitemap.xml", "/feed.xml", "/atom.xml", "/robots.txt", "/counselors/dana-whitfield"];

    private readonly CmsFactory _factory;

    public ForgedHostTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task AForgedHostOrForwardedHeaderNamesNoOtherSiteInAnyAbsoluteLink()
    {
        foreach (var page in s_pages)
        {
            var forged = await GetAsync(_factory.Client("evil.example"), PublicSite.Base + page, forwarded: true);
            Assert.DoesNotContain("evil.example", forged, StringComparison.OrdinalIgnoreCase);
        }

        // Nothing configured: the address the request reached (the test server's is localhost), not a header's.
        var home = await GetAsync(_factory.Client("evil.example"), PublicSite.Base + "/", forwarded: true);
        Assert.Contains("<link rel=\"canonical\" href=\"http://localhost/riverbend/\"", home, StringComparison.Ordinal);

        // The page cache does not keep a forged page for someone else either.
        var normal = await GetAsync(_factory.Client(), PublicSite.Base + "/", forwarded: false);
        Assert.Contains("<link rel=\"canonical\" href=\"http://localhost/riverbend/\"", normal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConfiguredPublicAddressIsWhatEveryAbsoluteLinkUnderAPrefixNames()
    {
        using var configured = _factory.WithWebHostBuilder(b => b.UseSetting("Cms:PublicAddress:BaseUrl", "https://practices.example.org/"));
        var client = configured.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://evil.example"), AllowAutoRedirect = false });

        var home = await GetAsync(client, PublicSite.Base + "/", forwarded: true);
        var robots = await GetAsync(client, PublicSite.Base + "/robots.txt", forwarded: true);

        Assert.Contains("<link rel=\"canonical\" href=\"https://practices.example.org/riverbend/\"", home, StringComparison.Ordinal);
        Assert.Contains("Sitemap: https://practices.example.org/riverbend/sitemap.xml", robots, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", home + robots, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task APracticeReachedByItsOwnHostNameLinksToThatName()
    {
        await _factory.Services.GetRequiredService<TenantManager>().CreateAsync(
            new CreateTenantRequest { Name = "aspen", Hosts = ["aspen.example.com"], RecipeName = "practice", AdminUserName = "dana", AdminPassword = "a-long-password-1" }, default);

        var home = await GetAsync(_factory.Client("aspen.example.com"), "/", forwarded: true);

        Assert.Contains("<link rel=\"canonical\" href=\"http://aspen.example.com/\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", home, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<string> GetAsync(HttpClient client, string path, bool forwarded)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (forwarded)
        {
            request.Headers.Add("X-Forwarded-Host", "evil.example");
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
