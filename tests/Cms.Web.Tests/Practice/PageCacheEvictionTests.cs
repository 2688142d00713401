using Cms.Practice.Rendering;

namespace Cms.Web.Tests.Practice;

/// <summary>Issue 12, item 3: the page cache is bounded in bytes and evicts the least recently used pages, not all of them.</summary>
public sealed class PageCacheEvictionTests
{
    private const int PageBytes = 10_000;
    private const long Bound = 200_000;

    [Fact]
    public void ACrawlerOfManyDistinctPagesDoesNotEvictAPageReadAllAlong()
    {
        var cache = new PageCache(Bound);
        cache.Add("/", Page("home"), cache.Generation);

        for (var i = 0; i < 1_000; i++)
        {
            cache.Add($"/articles/{i}", Page($"article {i}"), cache.Generation);
            Assert.True(cache.TryGet("/", out _), $"The home page was evicted by the crawler's page {i}.");
            Assert.True(cache.Count * PageBytes <= Bound, $"{cache.Count} pages of {PageBytes} bytes are over the bound of {Bound}.");
        }

        Assert.True(cache.TryGet("/articles/999", out _));
        Assert.True(cache.Count >= Bound * PageCache.RefillShare / PageBytes - 1, $"Only {cache.Count} pages kept.");
    }

    [Fact]
    public void TheLeastRecentlyUsedPagesGoFirstAndTheBytesStayWithinTheBound()
    {
        var cache = new PageCache(Bound);
        for (var i = 0; i < 20; i++)
        {
            cache.Add($"/p/{i}", Page($"page {i}"), cache.Generation);
        }

        Assert.Equal(Bound, cache.Bytes);
        Assert.True(cache.TryGet("/p/0", out _));

        cache.Add("/p/new", Page("new"), cache.Generation);

        // Full at 20 pages: room is made down to 90 % of the bound with the new page, so the three least
        // recently used (1, 2, 3; page 0 was just read) go.
        Assert.True(cache.TryGet("/p/0", out _));
        Assert.True(cache.TryGet("/p/new", out _));
        Assert.All(Enumerable.Range(1, 3), i => Assert.False(cache.TryGet($"/p/{i}", out _), $"/p/{i} was kept."));
        Assert.All(Enumerable.Range(4, 16), i => Assert.True(cache.TryGet($"/p/{i}", out _), $"/p/{i} was evicted."));
        Assert.Equal(18 * PageBytes, cache.Bytes);
    }

    [Fact]
    public void ReplacingAPageCountsItsBytesOnce()
    {
        var cache = new PageCache(Bound);
        cache.Add("/", Page("one"), cache.Generation);
        cache.Add("/", Page("two"), cache.Generation);

        Assert.Equal(PageBytes, cache.Bytes);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void APageLargerThanTheBoundIsNotKept()
    {
        var cache = new PageCache(PageBytes - 1);
        cache.Add("/", Page("big"), cache.Generation);

        Assert.Equal(0, cache.Count);
        Assert.Equal(0, cache.Bytes);
    }

    private static CachedPage Page(string text) => CachedPage.Create(text.PadRight(PageBytes, '.'), PracticePages.Html);
}
