using System.Collections.Concurrent;

namespace Cms.Content.Handlers;

/// <summary>
/// What handlers did ahead for the items an import stores next (see <see cref="IContentHandler.Prepare"/>), kept for
/// that import only: a result is taken by the save it was made for, and nothing outlives the import.
/// </summary>
public sealed class PreparedWork
{
    // An import works one item ahead, so a few results are in use at a time; those never taken (an item refused, or
    // unchanged after all) are dropped together once there are more.
    private const int MaxKept = 16;

    private readonly ConcurrentDictionary<string, object> _results = new(StringComparer.Ordinal);

    public void Keep(string key, object result)
    {
        if (_results.Count >= MaxKept)
        {
            _results.Clear();
        }

        _results[key] = result;
    }

    /// <summary>The result kept under the key, removed; null when there is none.</summary>
    public T? Take<T>(string key)
        where T : class =>
        _results.TryRemove(key, out var result) ? result as T : null;
}
