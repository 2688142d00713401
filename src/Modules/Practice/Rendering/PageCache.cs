using System.Collections.Concurrent;
using System.Diagnostics;

namespace Cms.Practice.Rendering;

/// <summary>
/// A tenant's rendered public pages, kept with its runtime, so anything that rebuilds the runtime empties it on
/// every node. Bounded in bytes with least-recently-used eviction: a hit only stamps its entry with the time (no
/// lock, no shared write), and the insert that finds the cache full evicts the oldest entries under a lock, down to
/// <see cref="RefillShare"/> of the bound so the sort that finds them is paid once per many inserts, not on each.
/// </summary>
internal sealed class PageCache
{
    /// <summary>The share of the bound an eviction leaves filled, the new page included.</summary>
    public const double RefillShare = 0.9;

    private readonly ConcurrentDictionary<string, Entry> _pages = new(StringComparer.Ordinal);
    private readonly Lock _writing = new();
    private readonly long _maxBytes;
    private long _bytes;
    private long _generation;

    public PageCache(long maxBytes)
    {
        _maxBytes = maxBytes;
    }

    public int Count => _pages.Count;

    /// <summary>The bytes of the pages held now; never above the bound.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>
    /// Moves with every eviction by change: a page rendered from what the site was before it is not added after it
    /// (<see cref="Add"/> takes the generation read before the render began).
    /// </summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string key, out CachedPage page)
    {
        if (_pages.TryGetValue(key, out var entry))
        {
            entry.LastUsed = Stopwatch.GetTimestamp();
            page = entry.Page;
            return true;
        }

        page = null!;
        return false;
    }

    /// <summary>Keeps the page, unless it is larger than the bound or a change evicted pages since <paramref name="generation"/> was read.</summary>
    public void Add(string key, CachedPage page, long generation)
    {
        if (page.Length > _maxBytes)
        {
            return;
        }

        lock (_writing)
        {
            if (generation != _generation)
            {
                return;
            }

            if (_pages.TryRemove(key, out var replaced))
            {
                Interlocked.Add(ref _bytes, -replaced.Page.Length);
            }

            if (_bytes + page.Length > _maxBytes)
            {
                EvictOldest((long)(_maxBytes * RefillShare) - page.Length);
            }

            _pages[key] = new Entry(page) { LastUsed = Stopwatch.GetTimestamp() };
            Interlocked.Add(ref _bytes, page.Length);
        }
    }

    /// <summary>Removes every page that shows any of these tags (item ids, or <see cref="PageTags"/> lists); returns how many.</summary>
    public int Evict(IEnumerable<string> tags)
    {
        var wanted = tags as IReadOnlySet<string> ?? tags.ToHashSet(StringComparer.Ordinal);
        var removed = 0;
        lock (_writing)
        {
            Interlocked.Increment(ref _generation);

            // A scan rather than an index by tag: an eviction is rare next to hits, and the scan keeps inserts simple.
            foreach (var (key, entry) in _pages)
            {
                if (entry.Page.Tags.Overlaps(wanted) && _pages.TryRemove(key, out var gone))
                {
                    Interlocked.Add(ref _bytes, -gone.Page.Length);
                    removed++;
                }
            }
        }

        return removed;
    }

    /// <summary>Removes every page (a change that reaches them all: the settings, the templates, a big import).</summary>
    public void Clear()
    {
        lock (_writing)
        {
            Interlocked.Increment(ref _generation);
            _pages.Clear();
            Interlocked.Exchange(ref _bytes, 0);
        }
    }

    // Under the write lock: the least recently used pages go until what is left is at most the target.
    private void EvictOldest(long target)
    {
        var byAge = _pages.Select(p => (p.Key, p.Value.LastUsed)).ToList();
        byAge.Sort((a, b) => a.LastUsed.CompareTo(b.LastUsed));
        foreach (var (key, _) in byAge)
        {
            if (_bytes <= target)
            {
                break;
            }

            if (_pages.TryRemove(key, out var gone))
            {
                Interlocked.Add(ref _bytes, -gone.Page.Length);
            }
        }
    }

    private sealed class Entry(CachedPage page)
    {
        public CachedPage Page { get; } = page;

        // Written by hits without a lock: a torn or lost stamp only makes an eviction a little less exact.
        public long LastUsed { get; set; }
    }
}
