using Cms.Content;
using Cms.Content.Handlers;
using Cms.Data;
using Cms.Media;
using Cms.Recipes;
using Cms.Recipes.Execution;
using Cms.Recipes.Export;
using Cms.Recipes.Steps;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
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
        services.Configure<PublicAddressOptions>(configuration.GetSection(PublicAddressOptions.Section));
        services.Configure<SignInLimits>(configuration.GetSection(SignInLimits.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<TenantChangeInterceptor>();
        services.AddSingleton<CmsDatabase>();
        services.AddMediaStore();
        services.AddSingleton<TenantStore>();
        services.AddSingleton<TenantRegistry>();
        services.AddSingleton<TenantActivator>();
        services.AddSingleton<TenantRuntimeCache>();
        services.AddSingleton<TenantSetup>();
        services.AddSingleton<TenantDataRemoval>();
        // What a removed tenant leaves in the stores of the core, in this order; modules add their own.
        services.AddSingleton<ITenantRemovalHandler, TenantDatabaseRemoval>();
        services.AddSingleton<ITenantRemovalHandler, HostRowsRemoval>();
        services.AddSingleton<ITenantRemovalHandler, TenantFolderRemoval>();
        services.AddSingleton<TenantManager>();
        services.AddSingleton<TenantChanges>();
        services.AddSingleton(s => new PublicOrigin(s.GetRequiredService<IOptions<PublicAddressOptions>>(), s.GetRequiredService<TenantRegistry>()));
        services.AddSingleton(s => new TenantDatabases(s.GetRequiredService<TenantRegistry>(), s.GetRequiredService<CmsDatabase>()));
        services.AddSingleton<FirstRunSetup>();
        services.AddSingleton<IPasswordHasher<UserRecord>, PasswordHasher<UserRecord>>();
        services.AddSingleton<UserAccounts>();
        services.AddSingleton<UserSessions>();
        services.AddSingleton<RecipeCatalog>();
        services.AddContentEngine();
        services.AddRecipeEngine();
        // Built from CmsDatabase's options, so the host context shares one EF service provider with the rest.
        services.AddScoped(provider => provider.GetRequiredService<CmsDatabase>().CreateHostContext());
        return services;
    }

    /// <summary>The media library: rows in the shared database on PostgreSQL, so every node serves them; a folder per practice on SQLite.</summary>
    private static void AddMediaStore(this IServiceCollection services)
    {
        services.AddSingleton<NodeMediaCache>();
        services.AddSingleton<MediaFolderMove>();
        services.AddSingleton<Cms.Recipes.Execution.HeldRecipes>();
        services.AddSingleton<IMediaStore>(provider =>
        {
            var database = provider.GetRequiredService<CmsDatabase>();
            return database.Provider == DatabaseProvider.Postgres
                ? new PostgresMediaStore(database, provider.GetRequiredService<NodeMediaCache>(), provider.GetRequiredService<TimeProvider>())
                : new FileSystemMediaStore(database);
        });
        services.AddSingleton(provider => new MediaImages(provider.GetRequiredService<IMediaStore>(), provider.GetRequiredService<CmsDatabase>(), provider.GetRequiredService<TenantChanges>()));
    }

    /// <summary>Content items and the standard parts and fields; handlers run in registration order.</summary>
    private static void AddContentEngine(this IServiceCollection services)
    {
        services.AddSingleton<LiquidPatterns>();
        services.AddSingleton<ContentServices>();
        services.AddSingleton(provider => new ScheduledPublishing(
            provider.GetRequiredService<CmsDatabase>(), provider.GetRequiredService<TenantRegistry>(), provider.GetRequiredService<TenantRuntimeCache>(),
            provider.GetRequiredService<ContentServices>(), provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ScheduledPublishing>>()));
        services.AddSingleton<IContentHandler, TitlePartHandler>();
        services.AddSingleton<IContentHandler, AutoroutePartHandler>();
        services.AddSingleton<IContentHandler, ContainedPartHandler>();
        services.AddSingleton<IContentHandler, ContentFieldsHandler>();
        services.AddSingleton<IContentHandler, BagPartHandler>();
    }

    /// <summary>Orchard's recipe steps this host runs, the executor and the exporter.</summary>
    private static void AddRecipeEngine(this IServiceCollection services)
    {
        services.AddSingleton<IRecipeStep, FeatureStep>();
        services.AddSingleton<IRecipeStep, ThemesStep>();
        services.AddSingleton<IRecipeStep, SettingsStep>();
        services.AddSingleton<IRecipeStep>(ContentDefinitionStep.Alter());
        services.AddSingleton<IRecipeStep>(ContentDefinitionStep.Replace());
        services.AddSingleton<IRecipeStep, DeleteContentDefinitionStep>();
        services.AddSingleton<IRecipeStep, ContentStep>();
        services.AddSingleton<IRecipeStep, RolesStep>();
        services.AddSingleton<IRecipeStep, MediaStep>();
        services.AddSingleton<IRecipeStep, TemplatesStep>();
        services.AddSingleton<IRecipeStep, CustomSettingsStep>();
        services.AddSingleton<IRecipeStep, RecipesStep>();
        services.AddSingleton<Cms.Recipes.Schema.RecipeSchema>();
        services.AddSingleton<RecipeExecutor>();
        services.AddSingleton<RecipeExporter>();
        services.AddSingleton<TenantRecipes>();
        services.AddSingleton<Cms.Recipes.Background.RecipeImportStatuses>();
        services.AddSingleton<Cms.Recipes.Background.BackgroundRecipeImports>();
    }

    /// <summary>What only the web host needs on top: sign-in, key ring, health, the registry monitor and change listener.</summary>
    public static IServiceCollection AddCmsWeb(this IServiceCollection services)
    {
        services.AddHostedService<TenantRegistryMonitor>();
        services.AddHostedService<TenantChangeListener>();
        services.AddHostedService<ScheduledPublishingService>();
        services.AddHostedService(provider => provider.GetRequiredService<Cms.Recipes.Background.BackgroundRecipeImports>());

        services.AddDataProtection().SetApplicationName("cms");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = new HostKeyRing(provider.GetRequiredService<CmsDatabase>())));
        services.AddCmsAuthentication();
        services.AddSingleton<KnownBrowsers>();
        services.AddSingleton<SignInThrottle>();
        services.AddRateLimiter(SignInThrottle.AddAddressPolicy);
        services.AddAntiforgery();
        services.AddHealthChecks().AddDbContextCheck<HostDbContext>("host-database");
        return services;
    }
}
