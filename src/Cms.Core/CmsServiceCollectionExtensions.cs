using Cms.Data;
using Cms.Recipes;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cms;

public static class CmsServiceCollectionExtensions
{
    /// <summary>Storage, the tenant registry and tenant management: what the web host and the CLI share.</summary>
    public static IServiceCollection AddCmsCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CmsOptions>(configuration.GetSection(CmsOptions.Section));
        services.Configure<TenancyOptions>(configuration.GetSection(TenancyOptions.Section));
        services.Configure<SetupOptions>(configuration.GetSection(SetupOptions.Section));
        services.Configure<HostAdminOptions>(configuration.GetSection(HostAdminOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CmsDatabase>();
        services.AddSingleton<TenantStore>();
        services.AddSingleton<TenantRegistry>();
        services.AddSingleton<TenantActivator>();
        services.AddSingleton<TenantRuntimeCache>();
        services.AddSingleton<TenantSetup>();
        services.AddSingleton<TenantManager>();
        services.AddSingleton<FirstRunSetup>();
        services.AddSingleton<UserAccounts>();
        services.AddSingleton<RecipeCatalog>();
        services.AddDbContext<HostDbContext>((provider, options) => provider.GetRequiredService<CmsDatabase>().ConfigureHost(options));
        return services;
    }

    /// <summary>What only the web host needs on top: sign-in, key ring, health, the registry monitor.</summary>
    public static IServiceCollection AddCmsWeb(this IServiceCollection services)
    {
        services.AddHostedService<TenantRegistryMonitor>();

        // Keys in the host database: a restart or a second node keeps every sign-in valid.
        services.AddDataProtection().SetApplicationName("cms").PersistKeysToDbContext<HostDbContext>();
        services.AddCmsAuthentication();
        services.AddAntiforgery();
        services.AddHealthChecks().AddDbContextCheck<HostDbContext>("host-database");
        return services;
    }
}
