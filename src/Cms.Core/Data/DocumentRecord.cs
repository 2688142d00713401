namespace Cms.Data;

/// <summary>A tenant-wide JSON document (site settings, enabled features) stored by key.</summary>
internal sealed class DocumentRecord : ITenantOwned
{
    public required string TenantId { get; set; }

    public required string Key { get; set; }

    public required string Json { get; set; }

    public DateTimeOffset ModifiedUtc { get; set; }
}
