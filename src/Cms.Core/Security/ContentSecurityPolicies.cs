using Cms.Tenancy;

namespace Cms.Security;

/// <summary>
/// The Content-Security-Policy headers. The host's admin, every practice's admin and every practice's public site
/// share one origin when practices are addressed by prefix, so a page a practice controls must never run script
/// with that origin's rights: no inline script anywhere, and the admin's previews of practice templates sandboxed.
/// </summary>
public static class ContentSecurityPolicies
{
    /// <summary>
    /// A practice's public site: script only from the site's own files (the theme has none; JSON-LD is a data block,
    /// not script). Inline style stays: the accent colour, Markdown's table alignment and a practice's own templates use it.
    /// </summary>
    public const string PublicSite =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /// <summary>
    /// The admin's preview of a practice's page: the public site's policy in a sandbox without allow-scripts or
    /// allow-same-origin, so the page has an opaque origin: even a script that got past the policy could not use the
    /// admin's cookies or read the admin's pages.
    /// </summary>
    public const string Preview = PublicSite + "; sandbox";

    /// <summary>
    /// Every other response, the admin's above all: the admin's own script and stylesheet files, the plain pages'
    /// one style element by its hash, nothing inline, never in a frame. Set on every response before anything else
    /// runs, so a page that forgets to choose a policy gets the strictest.
    /// </summary>
    public static string Admin { get; } =
        $"default-src 'none'; script-src 'self'; style-src 'self' {StatusPage.StyleHash}; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
}
