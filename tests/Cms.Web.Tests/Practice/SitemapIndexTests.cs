using System.Net;
using System.Xml.Linq;
using Cms.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Cms.Web.Tests.Practice;

/// <summary>
/// Issue 12, item 3: a practice with more URLs than one sitemap file may hold (50,000 by sitemaps.org, lowered here
/// through Cms:Practice:UrlsPerSitemap so the demo practice reaches it) gets a sitemap index naming files that hold them all.
/// </summary>
public sealed class SitemapIndexTests
{
    private static readonly XNamespace s_ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task OverTheLimitSitemapXmlIsAnIndexOfFilesThatTogetherHoldEveryUrlOnce()
    {
        using var factory = new CmsFactory();
        var all = Locations(XDocument.Parse(await factory.Client().GetStringAsync(PublicSite.Base + "/sitemap.xml")), "url");
        Assert.True(all.Count > 10, $"The demo practice has only {all.Count} URLs.");
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Client().GetAsync(PublicSite.Base + "/sitemap-1.xml")).StatusCode);

        using var split = WithLimit(factory, "5");
        var client = split.CreateClient();
        var index = XDocument.Parse(await client.GetStringAsync(PublicSite.Base + "/sitemap.xml"));
        Assert.Equal(s_ns + "sitemapindex", index.Root!.Name);
        var files = Locations(index, "sitemap");
        var expectedFiles = (all.Count + 4) / 5;
        Assert.Equal(Enumerable.Range(1, expectedFiles).Select(n => $"http://localhost{PublicSite.Base}/sitemap-{n}.xml"), files);

        var listed = new List<string>();
        foreach (var file in files)
        {
            var urls = Locations(XDocument.Parse(await client.GetStringAsync(new Uri(file).AbsolutePath)), "url");
            Assert.InRange(urls.Count, 1, 5);
            listed.AddRange(urls);
        }

        Assert.Equal(all, listed);
        foreach (var missing in new[] { "/sitemap-0.xml", $"/sitemap-{expectedFiles + 1}.xml", "/sitemap-01.xml", "/sitemap-x.xml" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(PublicSite.Base + missing)).StatusCode);
        }

        // robots.txt names /sitemap.xml either way: the sitemap or the index that names the rest.
        Assert.Contains($"Sitemap: http://localhost{PublicSite.Base}/sitemap.xml", (await client.GetStringAsync(PublicSite.Base + "/robots.txt")).Split('\n'));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("50001")]
    public void ALimitOutsideWhatSitemapsAllowStopsTheHostWithTheSettingNamed(string limit)
    {
        using var factory = new CmsFactory();
        using var host = WithLimit(factory, limit);

        var refusal = Assert.Throws<OptionsValidationException>(() => host.CreateClient());
        Assert.Contains("Cms:Practice:UrlsPerSitemap", refusal.Message, StringComparison.Ordinal);
    }

    private static WebApplicationFactory<Program> WithLimit(CmsFactory factory, string limit) =>
        factory.WithWebHostBuilder(builder => builder.UseSetting("Cms:Practice:UrlsPerSitemap", limit));

    private static List<string> Locations(XDocument document, string element) =>
        document.Root!.Elements(s_ns + element).Select(e => e.Element(s_ns + "loc")!.Value).ToList();
}
