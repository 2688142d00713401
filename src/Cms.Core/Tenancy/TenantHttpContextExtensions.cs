using Microsoft.AspNetCore.Http;

namespace Cms.Tenancy;

/// <summary>The current tenant travels with the request as a feature, never in ambient static state.</summary>
public static class TenantHttpContextExtensions
{
    public static TenantRuntime GetTenant(this HttpContext context) =>
        context.Features.Get<TenantRuntime>() ?? throw new InvalidOperationException("No tenant was resolved for this request.");

    public static TenantRuntime? FindTenant(this HttpContext context) => context.Features.Get<TenantRuntime>();
}
