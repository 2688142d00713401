using Cms.Liquid;
using Cms.Practice.Site;
using Cms.Tenancy;
using Fluid;
using Fluid.Values;
using Microsoft.Extensions.Logging;

namespace Cms.Practice.Rendering;

/// <summary>
/// Renders a page's template inside the layout within <see cref="LiquidLimits.Pages"/> (the theme's own within
/// <see cref="LiquidLimits.Theme"/>). With a
/// <c>fallbackLog</c> (the live site), a practice's template that fails is logged once and the theme's own
/// renders the page; without one (previews, trial renders) the failure is thrown for the author to read.
/// </summary>
internal sealed class PageRenderer(TenantRuntime tenant, PracticeSite site, ThemeTemplates templates, RequestInfo request, ILogger? fallbackLog)
{
    public async Task<CachedPage> RenderAsync(string template, PageInfo info, Dictionary<string, object?>? values, int statusCode, string? viewedItem, CancellationToken cancellationToken)
    {
        // The theme's own templates never fall back: a failure of theirs is an error of this host.
        if (templates.Overridden.Count == 0 || templates.IsSetAside(template))
        {
            return await RenderWithAsync(templates.Overridden.Count == 0 ? templates : ThemeTemplates.ThemeOnly, template, info, values, statusCode, viewedItem, cancellationToken);
        }

        try
        {
            return await RenderWithAsync(templates, template, info, values, statusCode, viewedItem, cancellationToken);
        }
        catch (TemplateFailedException failure) when (fallbackLog is { } log)
        {
            if (templates.SetAside(template))
            {
                log.LogWarning(
                    "The templates of practice {Tenant} {Reason} while rendering {Path} with the template {Template}; its pages show the theme's own until the practice's templates or content change",
                    tenant.Name, failure.Reason, request.Path, template);
            }

            // With a budget of its own: the theme's page is what the reader gets whatever the practice's template used up.
            return await RenderWithAsync(ThemeTemplates.ThemeOnly, template, info, values, statusCode, viewedItem, cancellationToken);
        }
    }

    private async Task<CachedPage> RenderWithAsync(ThemeTemplates chosen, string template, PageInfo info, Dictionary<string, object?>? values, int statusCode, string? viewedItem, CancellationToken cancellationToken)
    {
        // One render, one budget: the page's template and the layout around it share the steps and the time.
        using var render = (chosen.Overridden.Count == 0 ? LiquidLimits.Theme : LiquidLimits.Pages).Start(chosen.Options, cancellationToken);
        var context = render.Context;
        context.SetValue("Site", site);
        context.SetValue("Practice", site.Practice);
        context.SetValue("Request", request);
        context.SetValue("Stylesheet", PracticePages.StylesheetUrl);
        foreach (var (name, value) in values ?? [])
        {
            context.SetValue(name, FluidValue.Create(value, context.Options));
        }

        var withLd = info.JsonLd is null ? new PageInfo
        {
            Title = info.Title,
            Description = info.Description,
            Canonical = info.Canonical,
            OgType = info.OgType,
            Image = info.Image,
            Section = info.Section,
            Feeds = info.Feeds,
            NoIndex = info.NoIndex,
            JsonLd = JsonLd.Graph(request, site),
        } : info;
        context.SetValue("Page", withLd);
        try
        {
            context.SetValue("Content", await chosen.RenderAsync(template, context));
            var html = await chosen.RenderAsync("layout", context);
            return CachedPage.Create(html, PracticePages.Html, statusCode, viewedItem);
        }
        catch (Exception e) when (render.Explain(e) is { } reason)
        {
            throw new TemplateFailedException(template, reason);
        }
    }
}
