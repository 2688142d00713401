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
                    OnValidatePrincipal = ValidatePrincipalAsync,
                    OnRedirectToLogin = ChallengeAsync,
                    OnRedirectToAccessDenied = DenyAsync,
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyScheme, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(HostAdminPolicy, policy => policy
                .AddAuthenticationSchemes(CookieScheme, ApiKeyScheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => context.Resource is HttpContext http ? IsHostAdministratorAsync(http, context.User) : Task.FromResult(false)));
        services.AddPermissionPolicies();
        return services;
    }

    internal static ClaimsPrincipal CreatePrincipal(Data.UserRecord user, string tenantName, string sessionId)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id),
            new(ClaimTypes.Name, user.UserName),
            new(CmsClaims.Tenant, tenantName),
            new(CmsClaims.SecurityStamp, user.SecurityStamp),
            new(CmsClaims.Session, sessionId),
        };
        claims.AddRange(user.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieScheme));
    }

    /// <summary>
    /// A host administrator, on the Default tenant: the hosting operator's API key, or a user of the Default tenant
    /// whose stored roles include Administrator (so taking the role away applies at their next request).
    /// </summary>
    public static async Task<bool> IsHostAdministratorAsync(HttpContext http, ClaimsPrincipal user)
    {
        if (http.FindTenant() is not { Settings.IsDefault: true } tenant)
        {
            return false;
        }

        return user.Identity?.AuthenticationType == ApiKeyScheme
            || (user.FindFirstValue(CmsClaims.Tenant) == tenant.Name && (await TenantRoles.OfAsync(http)).IsAdministrator(user));
    }

    private static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        await RejectOtherTenants(context);
        await RejectEndedSessionsAsync(context);
    }

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

    // A session that signed out, or whose user's password, roles or access changed since, is over; the cookie goes too.
    private static async Task RejectEndedSessionsAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal || context.HttpContext.FindTenant() is not { } tenant)
        {
            return;
        }

        var sessions = context.HttpContext.RequestServices.GetRequiredService<UserSessions>();
        if (!await sessions.IsCurrentAsync(tenant, principal, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
        }
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
