using Cms.Content.Handlers;
using Cms.Modules;
using Cms.Practice.Handlers;
using Cms.Practice.Rendering;
using Cms.Practice.Views;
using Cms.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Practice;

/// <summary>The practice module: Article, Series and Counselor on the public site, with the practice theme.</summary>
public static class PracticeModule
{
    /// <summary>The feature a recipe or the Features page turns on for a tenant; without it the tenant has none of this module.</summary>
    public const string Feature = "Cms.Practice";

    /// <summary>The content rules (the web host and the CLI) and the public site (served by the web host only).</summary>
    public static IServiceCollection AddPracticeModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ModuleFeature(Feature, "Practice", "Counselor profiles, articles in series, the practice settings and templates, and the practice's public site."));
        services.AddSingleton(new AdminMenuEntry("Series", "admin/content?type=Series", "series", Feature) { Position = 10 });
        services.AddSingleton(new AdminMenuEntry("Counselors", "admin/content?type=Counselor", "counselors", Feature) { Position = 20 });
        services.AddSingleton(new AdminMenuEntry("Media", "admin/media", "media", Feature) { Position = 35, Permission = Cms.Security.Permissions.ManageMediaContent });
        services.AddSingleton(new AdminMenuEntry("Templates", "admin/templates", "templates", Feature) { Position = 40, Permission = Cms.Security.Permissions.ManageTemplates });
        services.AddSingleton(new ContentItemAction("Series", "Order of the parts", "admin/series/{0}/parts", Feature));
        services.AddSingleton(new SettingsSection("PracticeSettings", "Practice", "What the public site says about the practice on every page: name, address, how to reach you, the crisis line.", Feature));
        services.AddSingleton<IContentHandler, SeriesPartHandler>();
        services.AddSingleton<IContentHandler, AccentColorHandler>();
        services.AddOptions<PracticeOptions>().Bind(configuration.GetSection(PracticeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ViewCounter>();
        services.AddHostedService<ViewCountFlusher>();
        services.AddSingleton<PracticePages>();
        services.AddSingleton<Cms.Themes.IThemeTemplates, ThemeCatalog>();
        return services;
    }

    /// <summary>
    /// Every GET that no other endpoint takes is a page of the practice's site (or its friendly 404), for a tenant with
    /// the feature on; <paramref name="otherwise"/> answers for the others.
    /// </summary>
    public static IEndpointConventionBuilder MapPracticeSite(this IEndpointRouteBuilder endpoints, Func<HttpContext, bool> isPracticeSite, RequestDelegate otherwise)
    {
        RequestDelegate handler = context => isPracticeSite(context) && context.GetTenant().Has(Feature)
            ? context.RequestServices.GetRequiredService<PracticePages>().HandleAsync(context)
            : otherwise(context);
        endpoints.MapMethods("/", [HttpMethods.Get, HttpMethods.Head], handler);
        return endpoints.MapMethods("/{**path}", [HttpMethods.Get, HttpMethods.Head], handler);
    }
}
