using Cms.Tenancy;
using Microsoft.AspNetCore.Http;

namespace Cms.Themes;

/// <summary>
/// The public theme's templates as the admin's templates page and the <c>Templates</c> recipe step see them: their
/// names and sources, a check that points at the line of a mistake, a trial render of the site with candidate
/// overrides, and a preview of a page rendered with them. Implemented by the module that renders the public site.
/// </summary>
public interface IThemeTemplates
{
    /// <summary>The theme's name, as a recipe's <c>themes</c> step names it (<c>site</c>).</summary>
    string Name { get; }

    /// <summary>The theme's own templates by name.</summary>
    IReadOnlyDictionary<string, string> Defaults { get; }

    /// <summary>Null when the Liquid parses; otherwise what is wrong, with its line and column.</summary>
    string? Check(string source);

    /// <summary>
    /// Renders one page of each kind of the tenant's site (home, lists, an article, a profile, the 404, ...) with the
    /// candidate templates in place of the stored ones, within the limits of the live site: what would fail live,
    /// found before anything is stored. Empty when every page rendered.
    /// </summary>
    Task<IReadOnlyList<TemplateRefusal>> TrialAsync(TenantRuntime tenant, IReadOnlyDictionary<string, string> candidates, CancellationToken cancellationToken);

    /// <summary>The page at the site path rendered with these candidate templates in place of the stored ones, without caching.</summary>
    Task<TemplatePreview> PreviewAsync(HttpContext context, IReadOnlyDictionary<string, string> candidates, string path);

    /// <summary>An item's page with its latest version (a draft) in place of the published one; null when it has no page.</summary>
    Task<(int StatusCode, string Html)?> PreviewItemAsync(HttpContext context, string contentItemId);
}
