using Cms.Admin;
using Cms.Data;
using Cms.Security;
using Cms.Tenancy;
using Cms.Web.Endpoints;
using Microsoft.Extensions.Options;

namespace Cms.Web;

/// <summary>Start-up and the request pipeline of the web host.</summary>
internal static class CmsApplication
{
    /// <summary>
    /// Migrates the host database, sets up an empty data folder and loads the registry, before the first request; returns
    /// what a first run set up (null when the folder was set up before).
    /// </summary>
    public static async Task<FirstRunResult?> PrepareCmsAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        if (app.Services.GetRequiredService<IOptions<PublicAddressOptions>>().Value.Problem() is { } problem)
        {
            throw new SettingsProblemException(problem);
        }

        // Before anything is written: a first run that then cannot listen would leave a password nobody saw.
        ListenPorts.EnsureFree(app);

        await app.Services.GetRequiredService<CmsDatabase>().MigrateHostAsync(cancellationToken);
        var registry = app.Services.GetRequiredService<TenantRegistry>();
        await registry.RefreshAsync(cancellationToken);
        var firstRun = registry.Table.Default is null ? await app.Services.GetRequiredService<FirstRunSetup>().RunAsync(cancellationToken) : null;
        await registry.RefreshAsync(cancellationToken);

        // The host's own tenant is activated while Kestrel starts, so the first page does not wait for it.
        var warmUp = registry.Table.Default is { State: TenantState.Running } host
            ? Task.Run(() => app.Services.GetRequiredService<TenantRuntimeCache>().WarmUpAsync(host), cancellationToken)
            : Task.CompletedTask;

        // After the warm-up, whose log line would otherwise land in or after the banner: the banner is the last thing
        // the start prints, as one write (the host's own "Now listening on" lines are off in appsettings.json).
        app.Lifetime.ApplicationStarted.Register(() => warmUp.ContinueWith(
            _ => Console.Out.Write(StartupBanner.Render(app.Urls, registry.Table, firstRun)), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default));
        return firstRun;
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

        // Before the rest, so that everything after sees the client's address rather than a trusted proxy's.
        app.UseTrustedProxies();
        app.UseErrorPages();
        // Before tenant resolution: a load balancer asks by IP address, which belongs to no tenant.
        app.UseHealthChecks("/health");
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseRouting();
        app.UseRequestLimits();
        // After routing (its policies are per endpoint), before authentication: a refused sign-in costs nothing more.
        app.UseRateLimiter();
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
}
