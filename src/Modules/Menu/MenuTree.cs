using System.Text.Json.Nodes;
using Cms.Content;

namespace Cms.Menu;

/// <summary>
/// Reads a menu's items from Orchard's JSON (<c>MenuItemsListPart.MenuItems</c>, each item able to hold its own) and
/// decides which addresses a menu may link to. The text is the item's <c>DisplayText</c> (Orchard 2's), else the part's
/// <c>Name</c> (Orchard 1's, which its own recipes still write).
/// </summary>
public static class MenuTree
{
    /// <summary>How deep items may nest: a navigation deeper than this is not one a reader can use.</summary>
    public const int MaxDepth = 5;

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
    /// Why a menu may not link to this address, or null when it may: the rule every link of the site follows
    /// (<see cref="LinkAddresses.Problem"/>); an empty address is a heading without a link.
    /// </summary>
    public static string? Problem(string url) => url.Trim().Length == 0 ? null : LinkAddresses.Problem(url);

    /// <summary>Where a menu's address goes from the site's root: <c>~/fees</c> is <c>/fees</c>; every other address stays as written.</summary>
    public static string SitePath(string url) => url.StartsWith("~/", StringComparison.Ordinal) ? url[1..] : url;

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
