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

    /// <summary>
    /// Changes whenever the user's password or roles change, they are disabled or they sign out everywhere; a sign-in
    /// cookie naming another stamp is refused (<see cref="Security.UserSessions"/>). Empty for users from before stamps.
    /// </summary>
    public string SecurityStamp { get; set; } = "";

    // AccessFailedCount and LockoutEndUtc are no longer used: failures are counted per user name and client address
    // (Security.SignInThrottle), whether or not the account exists. The columns stay so that nodes still on the
    // previous version can write users during a rolling upgrade.
    public int AccessFailedCount { get; set; }

    public DateTimeOffset? LockoutEndUtc { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }
}
