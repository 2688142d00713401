using Cms.Tenancy;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace Cms.Security;

/// <summary>
/// Gives each tenant its own cookie name, so a practice under a prefix never receives the host's
/// sign-in cookie in its place (the host's cookie path "/" covers every prefix).
/// </summary>
internal sealed class TenantCookieManager : ICookieManager
{
    private readonly ChunkingCookieManager _inner = new();

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, Name(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        _inner.AppendResponseCookie(context, Name(context, key), value, options);

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        _inner.DeleteCookie(context, Name(context, key), options);

    private static string Name(HttpContext context, string key) =>
        context.FindTenant() is { } tenant ? $"{key}.{tenant.Name.ToLowerInvariant()}" : key;
}
