using Cms.Tenancy;
using Cms.Themes;
using Microsoft.AspNetCore.Http;

namespace Cms.Practice.Rendering;

/// <summary>The practice theme's templates for the admin's templates page and the <c>Templates</c> recipe step.</summary>
internal sealed class ThemeCatalog(PracticePages pages) : IThemeTemplates, Cms.Modules.IFeatureOwned
{
    public string Feature => PracticeModule.Feature;

    /// <summary>The theme has the module's name, as the practice recipe's <c>themes</c> step says.</summary>
    public string Name => PracticeModule.Feature;

    public IReadOnlyDictionary<string, string> Defaults => ThemeTemplates.Defaults;

    public string? Check(string source) => ThemeTemplates.Check(source);

    public Task<IReadOnlyList<TemplateRefusal>> TrialAsync(TenantRuntime tenant, IReadOnlyDictionary<string, string> candidates, CancellationToken cancellationToken) =>
        pages.TrialAsync(tenant, candidates, cancellationToken);

    public Task<TemplatePreview> PreviewAsync(HttpContext context, IReadOnlyDictionary<string, string> candidates, string path) =>
        pages.PreviewAsync(context, candidates, path);

    public Task<(int StatusCode, string Html)?> PreviewItemAsync(HttpContext context, string contentItemId) =>
        pages.PreviewItemAsync(context, contentItemId);
}
