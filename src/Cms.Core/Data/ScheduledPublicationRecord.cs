namespace Cms.Data;

/// <summary>A tenant's draft to publish at a time (host database).</summary>
internal sealed class ScheduledPublicationRecord
{
    public required string TenantName { get; set; }

    public required string ContentItemId { get; set; }

    /// <summary>UTC; a DateTime so SQLite compares it.</summary>
    public DateTime DueUtc { get; set; }

    public string? UserName { get; set; }
}
