namespace Cms.Data;

/// <summary>
/// One version of a content item: its Orchard JSON as stored, and the values it is queried by (index
/// columns), written together so an index never disagrees with its document.
/// </summary>
public sealed class ContentItemRecord : ITenantOwned
{
    public required string TenantId { get; set; }

    public required string ContentItemVersionId { get; set; }

    public required string ContentItemId { get; set; }

    public required string ContentType { get; set; }

    public string? DisplayText { get; set; }

    public bool Latest { get; set; }

    public bool Published { get; set; }

    /// <summary>
    /// Moves on with every write of the row (content or flags), so a save can check in the write itself that the version
    /// it was built on is still the current one, as it was read (see <see cref="Content.ContentVersionStamp"/>).
    /// </summary>
    public int Revision { get; set; }

    // UTC DateTime rather than DateTimeOffset: SQLite can sort and compare these; PostgreSQL maps them to timestamptz.
    public DateTime? CreatedUtc { get; set; }

    public DateTime? ModifiedUtc { get; set; }

    public DateTime? PublishedUtc { get; set; }

    public string? Owner { get; set; }

    public string? Author { get; set; }

    /// <summary>The version's Orchard JSON, exactly what export writes.</summary>
    public required string Json { get; set; }

    /// <summary>AutoroutePart path, without leading slash; unique per tenant among current versions.</summary>
    public string? RoutePath { get; set; }

    /// <summary>ContainedPart: the list or series this item belongs to, and its place there.</summary>
    public string? ContainerId { get; set; }

    public int? ContainerOrder { get; set; }

    /// <summary>HTML rendered and sanitized on save, by "Part" or "Part.Field", as a JSON object.</summary>
    public string? RenderedJson { get; set; }

    /// <summary>Plain text for full-text search.</summary>
    public string? SearchText { get; set; }

    /// <summary>
    /// The media library files the version names, one a line (<see cref="Media.MediaNames"/>), empty when none; null in
    /// rows stored before the column, whose JSON is read instead.
    /// </summary>
    public string? MediaPaths { get; set; }
}

/// <summary>A version pointing at another item (a content picker), so "who points at X" is one indexed query.</summary>
public sealed class ContentReferenceRecord : ITenantOwned
{
    public required string TenantId { get; set; }

    public required string ContentItemVersionId { get; set; }

    public required string Path { get; set; }

    public required string TargetId { get; set; }
}

/// <summary>The number of counted reads of an item (the Practice module's view counter adds to it in batches).</summary>
public sealed class ViewCountRecord : ITenantOwned
{
    public required string TenantId { get; set; }

    public required string ContentItemId { get; set; }

    public long Views { get; set; }
}
