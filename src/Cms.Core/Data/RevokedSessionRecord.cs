namespace Cms.Data;

/// <summary>A sign-in session that signed out: its cookie, and every copy of it, is refused until the row expires.</summary>
internal sealed class RevokedSessionRecord : ITenantOwned
{
    public required string TenantId { get; set; }

    public required string SessionId { get; set; }

    /// <summary>When no cookie of the session can still be valid (sign-out plus the cookie's lifetime); then the row may go.</summary>
    public DateTime ExpiresUtc { get; set; }
}
