using System.Security.Claims;
using Cms.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Security;

/// <summary>Sign-in per tenant: one cookie scheme whose cookies are named, scoped and checked per tenant.</summary>
public static class CmsAuthentication
{
    public const string CookieScheme = "cms";
    public const string ApiKeyScheme = "ApiKey";
    public const string HostAdminPolicy = "HostAdmin";
    public const string TenantAdminPolicy = "TenantAdmin";

    public static IServiceCollection AddCmsAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(CookieScheme)
            .AddCookie(CookieScheme, options =>
            {
                options.Cookie.Name = ".cms.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.CookieManager = new TenantCookieManager();
                options.LoginPath = "/login";
                options.AccessDeniedPath = "/login";
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = RejectOtherTenants,
                    OnRedirectToLogin = ChallengeAsync,
                    OnRedirectToAccessDenied = DenyAsync,
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyScheme, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(HostAdminPolicy, policy => policy
                .AddAuthenticationSchemes(CookieScheme, ApiKeyScheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(IsHostAdministrator))
            .AddPolicy(TenantAdminPolicy, policy => policy
                .AddAuthenticationSchemes(CookieScheme, ApiKeyScheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(IsTenantAdministrator));
        services.AddPermissionPolicies();
        return services;
    }

    internal static ClaimsPrincipal CreatePrincipal(Data.UserRecord user, string tenantName)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id),
            new(ClaimTypes.Name, user.UserName),
            new(CmsClaims.Tenant, tenantName),
        };
        claims.AddRange(user.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieScheme));
    }

    /// <summary>A host administrator: an Administrator of the Default tenant, on the Default tenant.</summary>
    private static bool IsHostAdministrator(AuthorizationHandlerContext context) =>
        context.Resource is HttpContext http
        && http.FindTenant() is { Settings.IsDefault: true } tenant
        && context.User.FindFirstValue(CmsClaims.Tenant) == tenant.Name
        && context.User.IsInRole(Roles.Administrator);

    /// <summary>An Administrator of the current tenant, or the hosting operator's API key (which reaches every tenant).</summary>
    private static bool IsTenantAdministrator(AuthorizationHandlerContext context) =>
        context.Resource is HttpContext http
        && http.FindTenant() is { } tenant
        && context.User.IsInRole(Roles.Administrator)
        && (context.User.FindFirstValue(CmsClaims.Tenant) == tenant.Name || context.User.Identity?.AuthenticationType == ApiKeyScheme);

    // A cookie issued by one tenant is worthless on another, even if copied under the right name.
    private static Task RejectOtherTenants(CookieValidatePrincipalContext context)
    {
        var tenant = context.HttpContext.FindTenant();
        if (tenant is null || context.Principal?.FindFirstValue(CmsClaims.Tenant) != tenant.Name)
        {
            context.RejectPrincipal();
        }

        return Task.CompletedTask;
    }

    // Signed in but not allowed: a 403 that says so, rather than the login page again.
    private static async Task DenyAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Tenancy.StatusPage.Render(
                "Not allowed",
                $"""<p>Your role does not allow this. Ask an administrator of this site if you need it.</p><p><a href="{context.Request.PathBase}/admin">Back to the admin</a></p>"""));
        }
    }

    // Not signed in: an API caller gets 401, a person the login page.
    private static Task ChallengeAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
