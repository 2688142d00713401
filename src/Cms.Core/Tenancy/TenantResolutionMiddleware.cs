using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cms.Tenancy;

/// <summary>
/// Finds the request's tenant, answers for tenants that cannot serve (unknown, disabled, not set up),
/// activates the tenant's runtime and hands on with the prefix moved into the path base.
/// </summary>
internal sealed class TenantResolutionMiddleware
{
    private readonly RequestDelegate _next;
    private readonly TenantRegistry _registry;
    private readonly TenantRuntimeCache _runtimes;
    private readonly ILogger<TenantResolutionMiddleware> _logger;

    public TenantResolutionMiddleware(RequestDelegate next, TenantRegistry registry, TenantRuntimeCache runtimes, ILogger<TenantResolutionMiddleware> logger)
    {
        _next = next;
        _registry = registry;
        _runtimes = runtimes;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var match = HostThenPrefixTenantResolver.Resolve(_registry.Table, context.Request.Host.Host, context.Request.Path.Value ?? "/");
        if (match is null)
        {
            await StatusPage.WriteAsync(context, StatusCodes.Status404NotFound, "Page not found", "<p>There is no site at this address.</p>");
            return;
        }

        var tenant = match.Tenant;
        var name = WebUtility.HtmlEncode(tenant.Name);
        switch (tenant.State)
        {
            case TenantState.Disabled:
                context.Response.Headers.RetryAfter = "3600";
                await StatusPage.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Temporarily unavailable", $"<p>The site <strong>{name}</strong> is switched off for now. Please try again later.</p>");
                return;
            case TenantState.Uninitialized:
                await StatusPage.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Not set up yet", $"<p>The site <strong>{name}</strong> exists but has not been set up. Its hosting provider can set it up from the host administration.</p>");
                return;
            case TenantState.Initializing:
                context.Response.Headers.RetryAfter = "5";
                await StatusPage.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Being set up", $"<p>The site <strong>{name}</strong> is being set up. It will be ready in a moment.</p>");
                return;
        }

        var runtime = await _runtimes.GetAsync(tenant, context.RequestAborted);
        context.Features.Set(runtime);
        var (pathBase, path) = (context.Request.PathBase, context.Request.Path);
        if (match.Prefix is not null)
        {
            var prefix = new PathString("/" + match.Prefix);
            context.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase, out var remaining);
            context.Request.PathBase = pathBase.Add(prefix);
            context.Request.Path = remaining.HasValue ? remaining : new PathString("/");
        }

        using (_logger.BeginScope("Tenant {Tenant}", tenant.Name))
        {
            try
            {
                await _next(context);
            }
            finally
            {
                context.Request.PathBase = pathBase;
                context.Request.Path = path;
            }
        }
    }
}
