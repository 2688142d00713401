namespace Cms.Content.Handlers;

/// <summary>What handlers may ask about other items while one is saved.</summary>
public interface IContentLookup
{
    /// <summary>The id of another item whose latest or published version has this route, if any.</summary>
    Task<string?> FindRouteOwnerAsync(string path, string exceptContentItemId, CancellationToken cancellationToken);

    /// <summary>True when an item with this id exists (any version), in the store or earlier in the same import.</summary>
    Task<bool> ExistsAsync(string contentItemId, CancellationToken cancellationToken);

    /// <summary>
    /// The current versions (latest and published) of other items that pick this one in the content picker
    /// at <paramref name="path"/> ("Article.Series"), including items saved earlier in the same import.
    /// </summary>
    Task<IReadOnlyList<ContentItem>> FindReferrersAsync(string targetId, string path, string exceptContentItemId, CancellationToken cancellationToken);

    /// <summary>The latest version of another item, for patterns that name its container.</summary>
    Task<ContentItem?> FindLatestAsync(string contentItemId, CancellationToken cancellationToken);
}
