using System.Security.Claims;
using System.Security.Cryptography;
using Cms.Data;
using Cms.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Cms.Security;

/// <summary>
/// The server's side of a sign-in cookie, which names its user's security stamp and its own session id: the cookie is
/// good only while that stamp is the user's current one and the session has not signed out. What was read is kept
/// for at most <see cref="CheckInterval"/> per session, so a request costs no database read and a change made on
/// another node is seen within that time (sooner in practice: changes to users rebuild the tenant's runtime there too).
/// </summary>
internal sealed class UserSessions
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(1);

    private readonly TimeProvider _time;

    public UserSessions(TimeProvider time)
    {
        _time = time;
    }

    public static string NewId() => RandomNumberGenerator.GetHexString(32, lowercase: true);

    public async Task<bool> IsCurrentAsync(TenantRuntime tenant, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId
            || principal.FindFirstValue(CmsClaims.SecurityStamp) is not { } stamp
            || principal.FindFirstValue(CmsClaims.Session) is not { Length: > 0 } session)
        {
            return false;
        }

        var checks = Checks(tenant);
        var now = _time.GetUtcNow();
        if (checks.Find(session, now - CheckInterval) is not { } check || check.UserId != userId)
        {
            check = await ReadAsync(tenant, userId, session, now, cancellationToken);
            checks.Keep(session, check, now - CheckInterval);
        }

        return !check.Ended && check.Stamp == stamp;
    }

    /// <summary>Ends the principal's session for good: this cookie and every copy of it are refused from now on.</summary>
    public async Task EndAsync(TenantRuntime tenant, ClaimsPrincipal principal, TimeSpan cookieLifetime, CancellationToken cancellationToken)
    {
        if (principal.FindFirstValue(CmsClaims.Session) is not { Length: > 0 } session)
        {
            return;
        }

        var now = _time.GetUtcNow().UtcDateTime;
        await using (var db = tenant.CreateDbContext())
        {
            // Rows whose cookies have all expired are of no more use; the table stays as small as its live sign-outs.
            await db.RevokedSessions.Where(s => s.ExpiresUtc < now).ExecuteDeleteAsync(cancellationToken);
            if (!await db.RevokedSessions.AnyAsync(s => s.SessionId == session, cancellationToken))
            {
                // Any copy of the cookie was issued or renewed before now, so none outlives now plus its lifetime.
                db.RevokedSessions.Add(new RevokedSessionRecord { TenantId = db.TenantId, SessionId = session, ExpiresUtc = now + cookieLifetime });
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        Checks(tenant).Forget(session);
    }

    /// <summary>
    /// Issues the signed-in user a cookie with their current stamp, in the same session: after they changed their own
    /// password or roles, this session goes on while their others end.
    /// </summary>
    public static async Task RenewAsync(HttpContext context, TenantDbContext db)
    {
        var tenant = context.GetTenant();
        if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId
            || context.User.FindFirstValue(CmsClaims.Session) is not { } session
            || await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, context.RequestAborted) is not { IsEnabled: true } user)
        {
            return;
        }

        Checks(tenant).Forget(session);
        await context.SignInAsync(CmsAuthentication.CookieScheme, CmsAuthentication.CreatePrincipal(user, tenant.Name, session));
    }

    private static CheckedSessions Checks(TenantRuntime tenant) => tenant.State(_ => new CheckedSessions());

    private static async Task<CheckedSessions.SessionCheck> ReadAsync(TenantRuntime tenant, string userId, string session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = tenant.CreateDbContext();
        var stamp = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.IsEnabled).Select(u => u.SecurityStamp).FirstOrDefaultAsync(cancellationToken);
        var ended = await db.RevokedSessions.AsNoTracking().AnyAsync(s => s.SessionId == session, cancellationToken);
        return new CheckedSessions.SessionCheck(userId, stamp, ended, now);
    }
}
