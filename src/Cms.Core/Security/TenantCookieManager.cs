using Cms.Tenancy;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;

namespace Cms.Security;

/// <summary>
/// Gives each tenant its own cookie name, and keeps the host's cookie off the practices' paths. A practice's cookie
/// has its prefix as path already; the host's would have "/", which covers every prefix, so the host's is issued
/// once for each path of its own that needs a sign-in instead, and a browser never sends it to a practice.
/// </summary>
internal sealed class TenantCookieManager : ICookieManager
{
    /// <summary>Where the host needs its sign-in: its admin, the tenant API and signing out.</summary>
    private static readonly IReadOnlyList<string> s_hostPaths = ["/admin", "/api", "/logout"];

    private readonly ChunkingCookieManager _inner = new();

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, Name(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options)
    {
        var name = Name(context, key);
        if (!IsHost(context))
        {
            _inner.AppendResponseCookie(context, name, value, options);
            return;
        }

        // First away with a host cookie issued on "/" before the paths were scoped, if the browser still has one. It goes
        // before the appends: a delete also drops this response's earlier Set-Cookie headers of the name whose
        // "path=..." begins with its own, and "path=/" begins every path.
        _inner.DeleteCookie(context, name, options);
        foreach (var path in s_hostPaths)
        {
            _inner.AppendResponseCookie(context, name, value, OnPath(options, path));
        }
    }

    public void DeleteCookie(HttpContext context, string key, CookieOptions options)
    {
        var name = Name(context, key);
        _inner.DeleteCookie(context, name, options);
        if (IsHost(context))
        {
            foreach (var path in s_hostPaths)
            {
                _inner.DeleteCookie(context, name, OnPath(options, path));
            }
        }
    }

    private static bool IsHost(HttpContext context) => context.FindTenant() is { Settings.IsDefault: true };

    // Under the path the handler chose (the application's own base path, "/" at the root).
    private static CookieOptions OnPath(CookieOptions options, string path) =>
        new(options) { Path = (options.Path is null or "/" ? "" : options.Path.TrimEnd('/')) + path };

    private static string Name(HttpContext context, string key) =>
        context.FindTenant() is { } tenant ? $"{key}.{tenant.Name.ToLowerInvariant()}" : key;
}
