using System.Security.Claims;
using Cms.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Security;

/// <summary>A permission the signed-in user needs on the current tenant; each permission is a policy of the same name.</summary>
public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>
/// Grants a permission to a user of the current tenant whose roles have it, and to the hosting operator's API key
/// (which acts as an administrator everywhere). A cookie of another tenant never gets this far (CmsAuthentication).
/// </summary>
internal sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var http = context.Resource as HttpContext;
        if (http?.FindTenant() is not { } tenant)
        {
            return;
        }

        if (context.User.Identity?.AuthenticationType == CmsAuthentication.ApiKeyScheme)
        {
            context.Succeed(requirement);
            return;
        }

        if (context.User.FindFirstValue(CmsClaims.Tenant) != tenant.Name)
        {
            return;
        }

        var roles = await TenantRoles.OfAsync(http);
        if (roles.Grants(context.User, requirement.Permission))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>The tenant's role permissions, loaded on first use in each runtime.</summary>
public sealed class TenantRoles(TenantRuntime tenant)
{
    /// <summary>The roles of the request's tenant.</summary>
    public static Task<RolePermissions> OfAsync(HttpContext context) =>
        context.GetTenant().State(t => new TenantRoles(t)).GetAsync(context.RequestAborted);

    private readonly Lock _lock = new();
    private Task<RolePermissions>? _loading;

    public Task<RolePermissions> GetAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_loading is null || _loading.IsFaulted || _loading.IsCanceled)
            {
                _loading = RolePermissions.LoadAsync(tenant, CancellationToken.None);
            }

            return _loading.WaitAsync(cancellationToken);
        }
    }
}

public static class PermissionPolicies
{
    /// <summary>One policy per permission, named as the permission, for cookies and the API key.</summary>
    public static IServiceCollection AddPermissionPolicies(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        var builder = services.AddAuthorizationBuilder();
        foreach (var (permission, _) in Permissions.All)
        {
            builder.AddPolicy(permission, policy => policy
                .AddAuthenticationSchemes(CmsAuthentication.CookieScheme, CmsAuthentication.ApiKeyScheme)
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(permission)));
        }

        return services;
    }
}
