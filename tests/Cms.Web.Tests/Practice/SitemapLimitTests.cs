using System.Text;
using System.Xml.Linq;
using Cms.Practice.Rendering;

namespace Cms.Web.Tests.Practice;

/// <summary>
/// Issue 12, item 3: at sitemaps.org's own limit, 50,001 URLs make an index of two files, and a full file of 50,000
/// URLs with long paths stays under the 50 MB a sitemap file may weigh (without importing 50,001 articles).
/// </summary>
public sealed class SitemapLimitTests
{
    private static readonly XNamespace s_ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly RequestInfo s_request = new() { Base = "/riverbend", Origin = "https://riverbend.example", Path = "/sitemap.xml" };

    [Fact]
    public void FiftyThousandAndOneUrlsMakeAnIndexOfTwoFilesEachWithinTheLimits()
    {
        var modified = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
        var entries = Enumerable.Range(0, Feeds.UrlsPerSitemap + 1)
            .Select(i => new SitemapEntry($"/articles/{new string('a', 200)}-{i}", modified.AddMinutes(i)))
            .ToList();

        var index = XDocument.Parse(Feeds.SitemapIndex(s_request, entries, Feeds.UrlsPerSitemap));
        Assert.Equal(
            ["https://riverbend.example/riverbend/sitemap-1.xml", "https://riverbend.example/riverbend/sitemap-2.xml"],
            index.Root!.Elements(s_ns + "sitemap").Select(s => s.Element(s_ns + "loc")!.Value));

        var full = Feeds.Sitemap(s_request, entries.Take(Feeds.UrlsPerSitemap));
        Assert.InRange(Encoding.UTF8.GetByteCount(full), 1, 50 * 1024 * 1024);
        Assert.Equal(Feeds.UrlsPerSitemap, XDocument.Parse(full).Root!.Elements(s_ns + "url").Count());
    }
}
