using Cms.Content.Handlers;
using Cms.Practice.Handlers;
using Cms.Practice.Rendering;
using Cms.Practice.Views;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Practice;

/// <summary>The practice module: Article, Series and Counselor on the public site, with the practice theme.</summary>
public static class PracticeModule
{
    /// <summary>The content rules (the web host and the CLI) and the public site (served by the web host only).</summary>
    public static IServiceCollection AddPracticeModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IContentHandler, SeriesPartHandler>();
        services.AddSingleton<IContentHandler, AccentColorHandler>();
        services.AddOptions<PracticeOptions>().Bind(configuration.GetSection(PracticeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ViewCounter>();
        services.AddHostedService<ViewCountFlusher>();
        services.AddSingleton<PracticePages>();
        services.AddSingleton<Cms.Themes.IThemeTemplates, ThemeCatalog>();
        return services;
    }

    /// <summary>Every GET that no other endpoint takes is a page of the practice's site (or its friendly 404).</summary>
    public static IEndpointConventionBuilder MapPracticeSite(this IEndpointRouteBuilder endpoints, Func<HttpContext, bool> isPracticeSite, RequestDelegate otherwise)
    {
        RequestDelegate handler = context => isPracticeSite(context)
            ? context.RequestServices.GetRequiredService<PracticePages>().HandleAsync(context)
            : otherwise(context);
        endpoints.MapMethods("/", [HttpMethods.Get, HttpMethods.Head], handler);
        return endpoints.MapMethods("/{**path}", [HttpMethods.Get, HttpMethods.Head], handler);
    }
}
