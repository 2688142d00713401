namespace Cms.Data;

/// <summary>A tenant's draft to publish at a time (host database).</summary>
internal sealed class ScheduledPublicationRecord
{
    public required string TenantName { get; set; }

    public required string ContentItemId { get; set; }

    /// <summary>UTC; a DateTime so SQLite compares it.</summary>
    public DateTime DueUtc { get; set; }

    public string? UserName { get; set; }

    /// <summary>UTC; while in the future, the node named by <see cref="LeasedBy"/> is publishing the row and no other node takes it.</summary>
    public DateTime? LeasedUntilUtc { get; set; }

    public string? LeasedBy { get; set; }

    /// <summary>How many times a node has taken the row to publish it; a row that reached the limit is left alone, with its error.</summary>
    public int Attempts { get; set; }

    public string? LastError { get; set; }
}
