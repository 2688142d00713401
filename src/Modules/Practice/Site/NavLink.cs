using System.Text;
using Cms.Menu;

namespace Cms.Practice.Site;

/// <summary>
/// A link of the site's navigation, from the main menu: its text, where it goes (a site path, or an address elsewhere;
/// null for a heading without a link), whether it opens in a new tab, and the links under it.
/// </summary>
public sealed record NavLink(string Text, string? Url, bool NewTab, IReadOnlyList<NavLink> Children)
{
    /// <summary>
    /// The main menu's links as the site shows them: a page item goes to the page's URL and is left out while the page
    /// is not published; a link goes where it says.
    /// </summary>
    internal static IReadOnlyList<NavLink> Resolve(IReadOnlyList<MenuLink> links, Func<string, string?> urlOf)
    {
        var resolved = new List<NavLink>(links.Count);
        foreach (var link in links)
        {
            var url = link.ContentItemId is { } id ? urlOf(id) : link.Url;
            if (link.ContentItemId is not null && url is null)
            {
                continue;
            }

            resolved.Add(new NavLink(link.Text, url, link.Target == "_blank", Resolve(link.Children, urlOf)));
        }

        return resolved;
    }

    /// <summary>Everything the navigation shows, as one string: two sites show the same navigation when theirs are equal.</summary>
    internal static string Signature(IReadOnlyList<NavLink>? links)
    {
        var text = new StringBuilder();
        Append(text, links);
        return text.ToString();

        static void Append(StringBuilder text, IReadOnlyList<NavLink>? links)
        {
            foreach (var link in links ?? [])
            {
                text.Append('[').Append(link.Text).Append('\u0001').Append(link.Url).Append('\u0001').Append(link.NewTab);
                Append(text, link.Children);
                text.Append(']');
            }
        }
    }
}

/// <summary>The menu whose alias is <c>main-menu</c>: its item id and its links before they are resolved against the site.</summary>
internal sealed record MainMenu(string Id, IReadOnlyList<MenuLink> Links);
