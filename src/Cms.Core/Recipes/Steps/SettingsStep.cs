using System.Text.Json.Nodes;
using Cms.Data;
using Cms.Recipes.Execution;
using Cms.Tenancy;

namespace Cms.Recipes.Steps;

/// <summary>
/// <c>settings</c>: site settings. SiteName and TimeZoneId become the tenant's site settings; every
/// other key is kept as Orchard keeps it (the site's property bag) and exported back unchanged.
/// </summary>
internal sealed class SettingsStep : IRecipeStep
{
    public string Name => "settings";

    public void Validate(RecipeStepContext step, RecipeValidation validation)
    {
        // Orchard matches these keys case-sensitively.
        if (step.Step["SiteName"] is { } name && (name is not JsonValue v || !v.TryGetValue<string>(out _)))
        {
            validation.Error(step.Index, step.PointerOf("SiteName"), "SiteName must be text.");
        }

        if (step.Step["TimeZoneId"] is JsonValue zone && zone.TryGetValue<string>(out var id) && !TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
        {
            validation.Error(step.Index, step.PointerOf("TimeZoneId"), $"'{id}' is not a time zone; use an IANA name such as America/New_York.");
        }
    }

    public async Task ApplyAsync(RecipeStepContext step, RecipeApplication application, CancellationToken cancellationToken)
    {
        var body = RecipeDocuments.Body(step);
        await RecipeDocuments.MergeAsync(application, RecipeDocuments.OrchardSite, body, cancellationToken);
        var site = await TenantDocuments.GetAsync<SiteSettings>(application.Db, SiteSettings.DocumentKey, cancellationToken) ?? new SiteSettings();
        if (body["SiteName"] is JsonValue name && name.TryGetValue<string>(out var siteName))
        {
            site = site with { SiteName = siteName };
        }

        if (body["TimeZoneId"] is JsonValue zone && zone.TryGetValue<string>(out var timeZone))
        {
            site = site with { TimeZone = timeZone };
        }

        await TenantDocuments.SetAsync(application.Db, SiteSettings.DocumentKey, site, application.Now, cancellationToken);
        application.Count("settings");
    }
}
