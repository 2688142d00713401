using Microsoft.AspNetCore.Http;

namespace Cms.Themes;

/// <summary>
/// The public theme's templates as the admin's templates page sees them: their names and sources, a check
/// that points at the line of a mistake, and a preview of a page rendered with a candidate override.
/// Implemented by the module that renders the public site.
/// </summary>
public interface IThemeTemplates
{
    /// <summary>The theme's own templates by name.</summary>
    IReadOnlyDictionary<string, string> Defaults { get; }

    /// <summary>Null when the Liquid parses; otherwise what is wrong, with its line and column.</summary>
    string? Check(string source);

    /// <summary>The page at the site path rendered with these candidate templates in place of the stored ones, without caching.</summary>
    Task<(int StatusCode, string Html)> PreviewAsync(HttpContext context, IReadOnlyDictionary<string, string> candidates, string path);

    /// <summary>An item's page with its latest version (a draft) in place of the published one; null when it has no page.</summary>
    Task<(int StatusCode, string Html)?> PreviewItemAsync(HttpContext context, string contentItemId);
}
