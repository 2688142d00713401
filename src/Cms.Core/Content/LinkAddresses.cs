using System.Text.RegularExpressions;

namespace Cms.Content;

/// <summary>
/// The addresses a link may hold: a page of the site (<c>/fees</c>, or <c>~/fees</c> as Orchard writes it), or a web,
/// e-mail or phone address. Anything else is refused: <c>javascript:</c> or <c>data:</c> would run script on the public
/// site, and a bare <c>www.example.com</c> would be read by browsers as a page of this site.
/// </summary>
public static partial class LinkAddresses
{
    private static readonly string[] s_schemes = ["http", "https", "mailto", "tel", "sms"];

    /// <summary>Null when the address may be linked to; otherwise what is wrong with it, in words for the editor.</summary>
    public static string? Problem(string url)
    {
        var trimmed = url.Trim();
        if (trimmed.Any(char.IsControl))
        {
            return $"The link '{Shown(url)}' has a line break or control character in it; write the address on one line.";
        }

        if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith("~//", StringComparison.Ordinal))
        {
            return $"The link '{Shown(url)}' is not a page of this site: write a page here as /fees or ~/fees, or another site's address with https://.";
        }

        if (trimmed.StartsWith('/') || trimmed.StartsWith("~/", StringComparison.Ordinal) || trimmed.StartsWith('#'))
        {
            return null;
        }

        if (Scheme().Match(trimmed) is { Success: true } scheme)
        {
            return s_schemes.Contains(scheme.Groups[1].Value, StringComparer.OrdinalIgnoreCase)
                ? null
                : $"The link '{Shown(url)}' uses a scheme that is not allowed ({scheme.Groups[1].Value}:); use a page of this site (/fees or ~/fees), or an address starting with https://, mailto: or tel:.";
        }

        return $"The link '{Shown(url)}' is neither a page of this site nor a full address: write a page here as /fees or ~/fees, or another site's address with https://, as https://{Shown(trimmed)}.";
    }

    /// <summary>
    /// Rendered Markdown or HTML with its site links (<c>href</c> and <c>src</c> of <c>/x</c> or <c>~/x</c>) under the address
    /// the practice is reached at: <paramref name="pathBase"/> is its prefix (<c>/riverbend</c>), or empty on its own host
    /// name. Bodies keep site paths (an image is <c>/media/…</c>) and are rendered once on save, without knowing where the
    /// practice is served; the public pages and the editor's preview both pass them through here, so they show the same.
    /// </summary>
    /// <param name="prefix">
    /// The practice's own URL prefix (<c>riverbend</c>), if it has one: an address written with it (<c>/riverbend/fees</c>,
    /// copied from the browser's address bar) is a page of the site too, so it is neither put under the prefix twice
    /// nor left pointing at the prefix when the practice is reached at its host name.
    /// </param>
    public static string Rebase(string html, string pathBase, string? prefix = null) =>
        prefix is not { Length: > 0 } || !html.Contains("/" + prefix, StringComparison.OrdinalIgnoreCase)
            ? SiteLink().Replace(html, "$1" + pathBase + "/$2$3")
            : SiteLink().Replace(html, link =>
        {
            // The first segment and what ends it ("/", or nothing before ?, # or the closing quote), if the path has one.
            var segment = link.Groups["segment"];
            var start = link.Groups[1].Value + pathBase + "/";
            return segment.Success && prefix is { Length: > 0 } && segment.Value.Equals(prefix, StringComparison.OrdinalIgnoreCase)
                ? start
                : start + segment.Value + link.Groups["end"].Value;
        });

    private static string Shown(string url) => url.Length > 60 ? url[..57] + "..." : url;

    // Markdig writes ~ in an address as %7E.
    [GeneratedRegex("""(\s(?:href|src)=")(?:~|%7[eE])?/(?!/)(?:(?<segment>[^/?#"]+)(?<end>/|(?=[?#"])))?""")]
    private static partial Regex SiteLink();

    [GeneratedRegex("^([a-zA-Z][a-zA-Z0-9+.-]*):")]
    private static partial Regex Scheme();
}
