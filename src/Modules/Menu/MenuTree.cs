using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Cms.Menu;

/// <summary>
/// Reads a menu's items from Orchard's JSON (<c>MenuItemsListPart.MenuItems</c>, each item able to hold its own) and
/// decides which addresses a menu may link to. The text is the item's <c>DisplayText</c> (Orchard 2's), else the part's
/// <c>Name</c> (Orchard 1's, which its own recipes still write).
/// </summary>
public static partial class MenuTree
{
    /// <summary>How deep items may nest: a navigation deeper than this is not one a reader can use.</summary>
    public const int MaxDepth = 5;

    private static readonly string[] s_schemes = ["http", "https", "mailto", "tel", "sms"];

    /// <summary>The items under a menu (or a menu item), in order, nested; entries that are not items are left out.</summary>
    public static IReadOnlyList<MenuLink> Read(JsonObject? holder, int depth = 1)
    {
        if (depth > MaxDepth || Items(holder) is not { } items)
        {
            return [];
        }

        var links = new List<MenuLink>(items.Count);
        foreach (var item in items.OfType<JsonObject>())
        {
            var type = Text(item["ContentType"]) ?? "";
            var link = item[MenuNames.LinkMenuItemPart] as JsonObject ?? item[MenuNames.HtmlMenuItemPart] as JsonObject;
            var content = item[MenuNames.ContentMenuItemPart] as JsonObject;
            var picked = (content?[MenuNames.SelectedContentItem]?["ContentItemIds"] as JsonArray)?.Select(Text).FirstOrDefault(id => id is { Length: > 0 });
            var url = Text(link?["Url"]) is { Length: > 0 } address && Problem(address) is null ? SitePath(address.Trim()) : null;
            links.Add(new MenuLink(
                Text(item["ContentItemId"]) ?? "",
                type,
                Text(item["DisplayText"]) ?? Text(link?["Name"]) ?? Text(content?["Name"]) ?? "",
                url,
                content is null ? null : picked,
                Text(link?["Target"]) is { Length: > 0 } target ? target : null,
                Read(item, depth + 1)));
        }

        return links;
    }

    /// <summary>The <c>MenuItems</c> array of a menu or item, or null when it has none.</summary>
    public static JsonArray? Items(JsonObject? holder) => (holder?[MenuNames.MenuItemsListPart] as JsonObject)?[MenuNames.MenuItems] as JsonArray;

    /// <summary>The menu's alias (<c>AliasPart.Alias</c>), or null.</summary>
    public static string? Alias(JsonObject item) => Text((item[MenuNames.AliasPart] as JsonObject)?["Alias"]);

    /// <summary>
    /// Why a menu may not link to this address, or null when it may: a page of the site (<c>~/fees</c>, <c>/fees</c>,
    /// <c>#top</c>) or an address on the web, by e-mail, phone or text message. A script (<c>javascript:</c>), data or
    /// file address would run or open something on every page the menu is on, so it is refused.
    /// </summary>
    public static string? Problem(string url)
    {
        var trimmed = url.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        if (trimmed.Any(char.IsControl))
        {
            return $"'{Shown(url)}' has a line break or control character in it; write the address on one line.";
        }

        if (Scheme().Match(trimmed) is { Success: true } scheme && !s_schemes.Contains(scheme.Groups[1].Value, StringComparer.OrdinalIgnoreCase))
        {
            return $"'{Shown(url)}' is not an address a menu can link to: use a page of the site (~/fees), or an address starting with https://, mailto:, tel: or sms:.";
        }

        return trimmed.StartsWith("~//", StringComparison.Ordinal)
            ? $"'{Shown(url)}' is not a page of this site: write ~/ and the page's address, as ~/fees."
            : null;
    }

    /// <summary>Where a menu's address goes from the site's root: <c>~/fees</c> is <c>/fees</c>; every other address stays as written.</summary>
    public static string SitePath(string url) => url.StartsWith("~/", StringComparison.Ordinal) ? url[1..] : url;

    private static string Shown(string url) => url.Length > 60 ? url[..57] + "..." : url;

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    [GeneratedRegex("^([a-zA-Z][a-zA-Z0-9+.-]*):")]
    private static partial Regex Scheme();
}
