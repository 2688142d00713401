using Cms.Admin;
using Cms.Data;
using Cms.Security;
using Cms.Tenancy;
using Cms.Web.Endpoints;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Cms.Web;

/// <summary>Start-up and the request pipeline of the web host.</summary>
internal static class CmsApplication
{
    /// <summary>Migrates the host database, sets up an empty data folder and loads the registry, before the first request.</summary>
    public static async Task PrepareCmsAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        if (app.Services.GetRequiredService<IOptions<PublicAddressOptions>>().Value.Problem() is { } problem)
        {
            throw new SettingsProblemException(problem);
        }

        await app.Services.GetRequiredService<CmsDatabase>().MigrateHostAsync(cancellationToken);
        var registry = app.Services.GetRequiredService<TenantRegistry>();
        await registry.RefreshAsync(cancellationToken);
        var firstRun = registry.Table.Default is null ? await app.Services.GetRequiredService<FirstRunSetup>().RunAsync(cancellationToken) : null;
        await registry.RefreshAsync(cancellationToken);

        // The host's own tenant is activated while Kestrel starts, so the first page does not wait for it.
        if (registry.Table.Default is { State: TenantState.Running } host)
        {
            _ = Task.Run(() => app.Services.GetRequiredService<TenantRuntimeCache>().WarmUpAsync(host), cancellationToken);
        }

        app.Lifetime.ApplicationStarted.Register(() => Console.Out.Write(StartupBanner.Render(app.Urls, registry.Table, firstRun)));
    }

    public static void UseCms(this WebApplication app)
    {
        // The strictest policy first, on every response; only the public site and the previews choose their own.
        app.Use((context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicies.Admin;
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return next(context);
        });

        app.UseTrustedProxies();
        app.UseErrorPages();
        // Before tenant resolution: a load balancer asks by IP address, which belongs to no tenant.
        app.UseHealthChecks("/health");
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseRouting();
        app.UseRequestLimits();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapAccountEndpoints();
        var api = app.MapGroup("/api").AddEndpointFilter<CookieCallerAntiforgeryFilter>();
        api.MapTenantApi();
        api.MapRecipeApi();
        app.MapCmsAdmin();
        app.MapSitePages();
    }

    // Forwarded headers only from the proxies the operator named: from anyone else they are a client's claim, and the
    // client's address is what sign-in throttling counts by.
    private static void UseTrustedProxies(this WebApplication app)
    {
        var proxies = app.Services.GetRequiredService<IOptions<PublicAddressOptions>>().Value.TrustedProxies;
        if (proxies.Count == 0)
        {
            return;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(proxy, out var network) ? network : new System.Net.IPNetwork(System.Net.IPAddress.Parse(proxy), System.Net.IPAddress.Parse(proxy).GetAddressBytes().Length * 8));
        }

        app.UseForwardedHeaders(options);
    }
}
