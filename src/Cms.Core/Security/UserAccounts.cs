using Cms.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cms.Security;

/// <summary>Creates users and checks passwords, with ASP.NET Core Identity's hasher and a lockout after repeated failures.</summary>
internal sealed class UserAccounts
{
    public const int MinPasswordLength = 10;
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    private readonly PasswordHasher<UserRecord> _hasher = new();
    private readonly TimeProvider _time;

    public UserAccounts(TimeProvider time)
    {
        _time = time;
    }

    public static string? CheckUserName(string? userName) =>
        string.IsNullOrWhiteSpace(userName) ? "The user name is required."
        : userName.Length > 100 ? "The user name is longer than 100 characters."
        : userName.Any(char.IsWhiteSpace) ? $"The user name '{userName}' cannot contain spaces."
        : null;

    // Length, not composition rules: NIST SP 800-63B's advice, and what password managers produce.
    public static string? CheckPassword(string? password) =>
        string.IsNullOrEmpty(password) || password.Length < MinPasswordLength
            ? $"The password must be at least {MinPasswordLength} characters long."
            : null;

    public async Task<UserRecord> CreateAsync(TenantDbContext db, string userName, string password, IEnumerable<string> roles, CancellationToken cancellationToken)
    {
        var user = new UserRecord
        {
            TenantId = db.TenantId,
            Id = Guid.NewGuid().ToString("N"),
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            PasswordHash = "",
            Roles = string.Join(',', roles),
            CreatedUtc = _time.GetUtcNow(),
        };
        user.PasswordHash = _hasher.HashPassword(user, password);
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    public async Task<SignInOutcome> CheckPasswordAsync(TenantDbContext db, string userName, string password, CancellationToken cancellationToken)
    {
        var normalized = userName.Trim().ToUpperInvariant();
        var user = await db.Users.AsTracking().FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
        if (user is null)
        {
            return SignInOutcome.Failed;
        }

        var now = _time.GetUtcNow();
        if (user.LockoutEndUtc > now)
        {
            return new SignInOutcome(SignInStatus.LockedOut, user);
        }

        if (_hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            user.AccessFailedCount++;
            if (user.AccessFailedCount >= MaxFailedAttempts)
            {
                user.AccessFailedCount = 0;
                user.LockoutEndUtc = now + LockoutDuration;
            }

            await db.SaveChangesAsync(cancellationToken);
            return user.LockoutEndUtc > now ? new SignInOutcome(SignInStatus.LockedOut, user) : SignInOutcome.Failed;
        }

        if (!user.IsEnabled)
        {
            return new SignInOutcome(SignInStatus.Disabled, user);
        }

        if (user.AccessFailedCount != 0 || user.LockoutEndUtc is not null)
        {
            user.AccessFailedCount = 0;
            user.LockoutEndUtc = null;
            await db.SaveChangesAsync(cancellationToken);
        }

        return new SignInOutcome(SignInStatus.Succeeded, user);
    }

    public static async Task<IReadOnlyList<UserRecord>> ListAsync(TenantDbContext db, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().OrderBy(u => u.NormalizedUserName).ToListAsync(cancellationToken);

    /// <summary>Sets a user's roles and whether they may sign in; false when there is no such user.</summary>
    public static async Task<bool> UpdateAsync(TenantDbContext db, string id, IEnumerable<string> roles, bool enabled, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return false;
        }

        user.Roles = string.Join(',', roles.Distinct(StringComparer.OrdinalIgnoreCase));
        user.IsEnabled = enabled;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>An administrator sets a new password (the "forgot password" path without e-mail); it also lifts a lockout.</summary>
    public async Task<string?> ResetPasswordAsync(TenantDbContext db, string id, string password, CancellationToken cancellationToken)
    {
        if (CheckPassword(password) is { } problem)
        {
            return problem;
        }

        var user = await db.Users.AsTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return "There is no such user.";
        }

        user.PasswordHash = _hasher.HashPassword(user, password);
        user.AccessFailedCount = 0;
        user.LockoutEndUtc = null;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
