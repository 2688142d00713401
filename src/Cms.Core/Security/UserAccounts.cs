using System.Security.Cryptography;
using Cms.Data;
using Cms.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cms.Security;

/// <summary>
/// Creates users and checks passwords with ASP.NET Core Identity's hasher. Throttling repeated failures is the
/// sign-in endpoint's (<see cref="SignInThrottle"/>), keyed by what the client sent rather than by the account.
/// </summary>
internal sealed class UserAccounts
{
    private readonly IPasswordHasher<UserRecord> _hasher;
    private readonly TimeProvider _time;

    // A name that matches no user is checked against this hash, so it costs the same hashing as a wrong password
    // and the answer's timing does not tell whether the account exists.
    private readonly UserRecord _nobody;
    private readonly string _nobodysHash;

    public UserAccounts(IPasswordHasher<UserRecord> hasher, TimeProvider time)
    {
        _hasher = hasher;
        _time = time;
        _nobody = new UserRecord { TenantId = "", Id = "", UserName = "", NormalizedUserName = "", PasswordHash = "" };
        _nobodysHash = _hasher.HashPassword(_nobody, RandomNumberGenerator.GetHexString(32));
    }

    public static string? CheckUserName(string? userName) =>
        string.IsNullOrWhiteSpace(userName) ? "The user name is required."
        : userName.Length > 100 ? "The user name is longer than 100 characters."
        : userName.Any(char.IsWhiteSpace) ? $"The user name '{userName}' cannot contain spaces."
        : null;

    /// <summary>The form a user name is looked up and throttled by.</summary>
    public static string Normalize(string userName) => userName.Trim().ToUpperInvariant();

    public static string NewSecurityStamp() => RandomNumberGenerator.GetHexString(32, lowercase: true);

    public async Task<UserRecord> CreateAsync(TenantDbContext db, string userName, string password, IEnumerable<string> roles, CancellationToken cancellationToken)
    {
        var user = new UserRecord
        {
            TenantId = db.TenantId,
            Id = Guid.NewGuid().ToString("N"),
            UserName = userName,
            NormalizedUserName = Normalize(userName),
            PasswordHash = "",
            Roles = string.Join(',', roles),
            SecurityStamp = NewSecurityStamp(),
            CreatedUtc = _time.GetUtcNow(),
        };
        user.PasswordHash = _hasher.HashPassword(user, password);
        db.Users.Add(user);
        db.PendingChange.Record(ChangeKinds.Users);
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    public static Task<UserRecord?> FindAsync(TenantDbContext db, string userName, CancellationToken cancellationToken)
    {
        var normalized = Normalize(userName);
        return db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
    }

    /// <summary>Checks a password; the same hashing work whether or not <paramref name="user"/> was found.</summary>
    public SignInOutcome Verify(UserRecord? user, string password)
    {
        if (_hasher.VerifyHashedPassword(user ?? _nobody, user?.PasswordHash ?? _nobodysHash, password) == PasswordVerificationResult.Failed || user is null)
        {
            return SignInOutcome.Failed;
        }

        return new SignInOutcome(user.IsEnabled ? SignInStatus.Succeeded : SignInStatus.Disabled, user);
    }

    public async Task<SignInOutcome> CheckPasswordAsync(TenantDbContext db, string userName, string password, CancellationToken cancellationToken) =>
        Verify(await FindAsync(db, userName, cancellationToken), password);

    public static async Task<IReadOnlyList<UserRecord>> ListAsync(TenantDbContext db, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().OrderBy(u => u.NormalizedUserName).ToListAsync(cancellationToken);

    /// <summary>Sets a user's roles and whether they may sign in; false when there is no such user. A change ends their sessions.</summary>
    public static async Task<bool> UpdateAsync(TenantDbContext db, string id, IEnumerable<string> roles, bool enabled, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return false;
        }

        var newRoles = string.Join(',', roles.Distinct(StringComparer.OrdinalIgnoreCase));
        if (newRoles != user.Roles || enabled != user.IsEnabled)
        {
            user.Roles = newRoles;
            user.IsEnabled = enabled;
            user.SecurityStamp = NewSecurityStamp();
            db.PendingChange.Record(ChangeKinds.Users);
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// An administrator sets a new password (the "forgot password" path without e-mail). It ends the user's sessions,
    /// and lifts sign-in holds on their name, which are keyed by the stamp (<see cref="SignInThrottle"/>).
    /// </summary>
    public async Task<string?> ResetPasswordAsync(TenantDbContext db, string id, string password, CancellationToken cancellationToken)
    {
        if (PasswordRule.Check(password) is { } problem)
        {
            return problem;
        }

        var user = await db.Users.AsTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return "There is no such user.";
        }

        user.PasswordHash = _hasher.HashPassword(user, password);
        user.SecurityStamp = NewSecurityStamp();
        db.PendingChange.Record(ChangeKinds.Users);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>Ends every session of the user, on every node; false when there is no such user.</summary>
    public static async Task<bool> SignOutEverywhereAsync(TenantDbContext db, string id, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return false;
        }

        user.SecurityStamp = NewSecurityStamp();
        db.PendingChange.Record(ChangeKinds.Users);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
