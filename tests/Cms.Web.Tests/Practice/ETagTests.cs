using System.Net;
using System.Net.Http.Headers;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Practice;

/// <summary>
/// Issue 12, item 3: public pages carry a strong ETag and answer a matching If-None-Match with 304, still revalidated
/// on each use; an article's tag covers its view count, and a reader who revalidates is counted like one who reads.
/// </summary>
public sealed class ETagTests
{
    private const string Browser = "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/140.0";

    [Theory]
    [InlineData(PublicSite.Base + "/")]
    [InlineData(PublicSite.Dana)]
    [InlineData(PublicSite.Base + "/feed.xml")]
    [InlineData(PublicSite.Base + "/sitemap.xml")]
    [InlineData(PublicSite.Article1)]
    public async Task APublicPageHasAStableStrongETagAndA304ForIt(string path)
    {
        using var factory = new CmsFactory();
        var client = factory.Client();

        using var first = await GetAsync(client, path, "curl/8.5.0");
        using var second = await GetAsync(client, path, "curl/8.5.0");
        var etag = first.Headers.ETag;

        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Equal("no-cache", second.Headers.CacheControl?.ToString());

        using var revalidated = await GetAsync(client, path, "curl/8.5.0", etag);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(etag, revalidated.Headers.ETag);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());

        using var other = await GetAsync(client, path, "curl/8.5.0", new EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.NotEmpty(await other.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AnArticlesETagChangesWhenTheArticleDoes()
    {
        using var factory = new CmsFactory();
        var client = factory.Client();
        await PublicSite.ImportAsync(client, PublicSite.Base, PublicSite.ArticleRecipe("etagarticle00000000000001", "Before The Change", "articles/etag-test", published: true));
        using var before = await GetAsync(client, PublicSite.Base + "/articles/etag-test", "curl/8.5.0");

        await PublicSite.ImportAsync(client, PublicSite.Base, PublicSite.ArticleRecipe("etagarticle00000000000001", "After The Change", "articles/etag-test", published: true));
        using var after = await GetAsync(client, PublicSite.Base + "/articles/etag-test", "curl/8.5.0", before.Headers.ETag);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("After The Change", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task ARevalidatingReaderIsCountedAndARepeatReaderGetsA304()
    {
        using var factory = new CmsFactory();
        var client = factory.Client();

        Assert.Equal("1 view", await PublicSite.ViewsAsync(client, PublicSite.Article2, Browser + " reader-1"));
        using var firstRead = await GetAsync(client, PublicSite.Article2, Browser + " reader-1");
        var seenByReader1 = firstRead.Headers.ETag;

        // The same reader within the half hour is not counted again: nothing changed, 304.
        using var again = await GetAsync(client, PublicSite.Article2, Browser + " reader-1", seenByReader1);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);

        // A second reader whose cache (or a CDN's) holds that copy revalidates: counted, and the count shown changes.
        using var revalidated = await GetAsync(client, PublicSite.Article2, Browser + " reader-2", seenByReader1);
        Assert.Equal(HttpStatusCode.OK, revalidated.StatusCode);
        Assert.Contains("2 views", await revalidated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(seenByReader1, revalidated.Headers.ETag);
        Assert.Equal("2 views", await PublicSite.ViewsAsync(client, PublicSite.Article2, "curl/8.5.0"));

        // And the tag it now has answers 304 to anyone not counted anew.
        using var bot = await GetAsync(client, PublicSite.Article2, "curl/8.5.0", revalidated.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, bot.StatusCode);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string userAgent, EntityTagHeaderValue? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        return await client.SendAsync(request);
    }
}
