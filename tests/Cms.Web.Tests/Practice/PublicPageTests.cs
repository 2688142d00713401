using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Practice;

public sealed class PublicPageTests : IClassFixture<CmsFactory>
{
    private readonly CmsFactory _factory;

    public PublicPageTests(CmsFactory factory) => _factory = factory;

    [Fact]
    public async Task Probe()
    {
        var client = _factory.Client();
        string[] paths = [PublicSite.Article1, PublicSite.Article2, PublicSite.Series, PublicSite.Dana, PublicSite.SensitiveArticle, "/riverbend/", "/riverbend/articles", "/riverbend/articles?page=2", "/riverbend/series", "/riverbend/counselors", "/riverbend/counselors?specialty=Grief%20and%20loss", "/riverbend/counselors?status=waitlist", "/riverbend/counselors?specialty=Grief%20and%20loss&status=waitlist", "/riverbend/topics/grief", "/riverbend/no-such-page", "/riverbend/feed.xml", "/riverbend/atom.xml", "/riverbend/series/what-you-should-know-about-therapy/feed.xml", "/riverbend/counselors/marcus-bell/feed.xml", "/riverbend/sitemap.xml", "/riverbend/robots.txt", "/riverbend/topics"];
        var i = 0;
        foreach (var p in paths)
        {
            using var r = await client.GetAsync(p);
            await File.WriteAllTextAsync($"/tmp/probe/{i++:00}.txt", $"{p}\n{(int)r.StatusCode}\n{r.Headers}{r.Content.Headers}\n\n{await r.Content.ReadAsStringAsync()}");
        }
    }
}
