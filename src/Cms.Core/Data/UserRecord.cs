namespace Cms.Data;

internal sealed class UserRecord : ITenantOwned
{
    public required string TenantId { get; set; }

    public required string Id { get; set; }

    public required string UserName { get; set; }

    public required string NormalizedUserName { get; set; }

    public string? Email { get; set; }

    public required string PasswordHash { get; set; }

    /// <summary>Role names, comma separated.</summary>
    public string Roles { get; set; } = "";

    public bool IsEnabled { get; set; } = true;

    public int AccessFailedCount { get; set; }

    public DateTimeOffset? LockoutEndUtc { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }
}
