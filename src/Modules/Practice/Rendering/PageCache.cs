using System.Collections.Concurrent;
using System.Text;

namespace Cms.Practice.Rendering;

/// <summary>
/// A tenant's rendered public pages, kept with its runtime, so anything that rebuilds the runtime
/// (a publish, an import, a settings change) empties it on every node. Bounded in bytes: when full it
/// starts again empty, which keeps the bookkeeping off the hot path.
/// </summary>
internal sealed class PageCache
{
    private readonly ConcurrentDictionary<string, CachedPage> _pages = new(StringComparer.Ordinal);
    private readonly long _maxBytes;
    private long _bytes;

    public PageCache(long maxBytes)
    {
        _maxBytes = maxBytes;
    }

    public int Count => _pages.Count;

    public bool TryGet(string key, out CachedPage page) => _pages.TryGetValue(key, out page!);

    public void Add(string key, CachedPage page)
    {
        if (page.Length > _maxBytes)
        {
            return;
        }

        if (Interlocked.Add(ref _bytes, page.Length) > _maxBytes)
        {
            _pages.Clear();
            Interlocked.Exchange(ref _bytes, page.Length);
        }

        _pages[key] = page;
    }
}

/// <summary>
/// A rendered page as UTF-8, split where the view count goes so a cached article still shows the live count.
/// </summary>
internal sealed class CachedPage
{
    /// <summary>What templates print for the view count ("35 views"); replaced when the page is served.</summary>
    public const string ViewsMarker = "@@cms-views@@";

    private CachedPage(byte[][] segments, string contentType, int statusCode, string? viewedItem)
    {
        Segments = segments;
        ContentType = contentType;
        StatusCode = statusCode;
        ViewedItem = viewedItem;
        Length = segments.Sum(s => (long)s.Length);
    }

    /// <summary>The page's bytes; between two segments goes the view count.</summary>
    public byte[][] Segments { get; }

    public string ContentType { get; }

    public int StatusCode { get; }

    /// <summary>The article whose reads this page counts, if any.</summary>
    public string? ViewedItem { get; }

    public long Length { get; }

    public static CachedPage Create(string body, string contentType, int statusCode = 200, string? viewedItem = null) =>
        new(body.Split(ViewsMarker).Select(Encoding.UTF8.GetBytes).ToArray(), contentType, statusCode, viewedItem);

    public static string Views(long views) => views == 1 ? "1 view" : $"{views:N0} views";
}
