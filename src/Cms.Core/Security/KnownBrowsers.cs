using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace Cms.Security;

/// <summary>
/// Remembers, in a cookie of the browser's own, which user names signed in from it (OWASP's "device cookies"). A user
/// name guessed at from many addresses is held off only for browsers that never signed in as it, so an attacker
/// cannot keep the real user out of the browser they use.
/// </summary>
internal sealed class KnownBrowsers
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    private const string CookieName = ".cms.known";

    // A shared office computer may be used by a few people; more than this and the oldest is forgotten.
    private const int MaxNames = 5;

    private readonly IDataProtector _protector;
    private readonly TenantCookieManager _cookies = new();

    public KnownBrowsers(IDataProtectionProvider protection)
    {
        _protector = protection.CreateProtector("Cms.Security.KnownBrowsers");
    }

    public bool Knows(HttpContext context, string tenant, string normalizedUserName) => Read(context, tenant).Contains(normalizedUserName);

    public void Remember(HttpContext context, string tenant, string normalizedUserName)
    {
        var names = Read(context, tenant).Where(n => n != normalizedUserName).Prepend(normalizedUserName).Take(MaxNames);
        var value = _protector.Protect(string.Join('\n', names.Prepend(tenant)));
        _cookies.AppendResponseCookie(context, CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = context.Request.PathBase.HasValue ? context.Request.PathBase.Value : "/",
            MaxAge = Lifetime,
            IsEssential = true,
        });
    }

    // The tenant is sealed in with the names: a cookie copied from another tenant's path knows no one here.
    private List<string> Read(HttpContext context, string tenant)
    {
        if (_cookies.GetRequestCookie(context, CookieName) is not { } value)
        {
            return [];
        }

        try
        {
            var lines = _protector.Unprotect(value).Split('\n');
            return lines[0] == tenant ? [.. lines[1..]] : [];
        }
        catch (CryptographicException)
        {
            return [];
        }
    }
}
