using System.Text.Json.Nodes;
using Cms.Content;

namespace Cms.Menu;

/// <summary>
/// The editor's changes to a menu's items, made on Orchard's JSON in place, so everything an item carries that the
/// editor does not show (its envelope, other parts, a recipe's extra properties) is kept as it was. Each returns false
/// when the item is not there (or cannot move that way) and changes nothing then.
/// </summary>
public static class MenuEdits
{
    /// <summary>A new link item at the end of the top level: Orchard's LinkMenuItem, its text in DisplayText and Name.</summary>
    public static JsonObject AddLink(JsonObject menu, string text, string url, bool newTab)
    {
        var item = new JsonObject
        {
            ["ContentItemId"] = ContentIds.NewId(),
            ["ContentType"] = MenuNames.LinkMenuItem,
            ["DisplayText"] = text,
            [MenuNames.LinkMenuItemPart] = new JsonObject { ["Name"] = text, ["Url"] = url, ["Target"] = newTab ? "_blank" : null },
        };
        ItemsOf(menu).Add(item);
        return item;
    }

    /// <summary>A new item showing a page of the site at the end of the top level: Orchard's ContentMenuItem with its picker.</summary>
    public static JsonObject AddContent(JsonObject menu, string text, string contentItemId)
    {
        var item = new JsonObject
        {
            ["ContentItemId"] = ContentIds.NewId(),
            ["ContentType"] = MenuNames.ContentMenuItem,
            ["DisplayText"] = text,
            [MenuNames.ContentMenuItemPart] = new JsonObject
            {
                ["Name"] = text,
                [MenuNames.SelectedContentItem] = new JsonObject { ["ContentItemIds"] = new JsonArray(contentItemId) },
            },
        };
        ItemsOf(menu).Add(item);
        return item;
    }

    /// <summary>Changes an item's text and, for a link, its address and target; for a page item, the page.</summary>
    public static bool Update(JsonObject menu, string id, string text, string? url, bool newTab, string? contentItemId)
    {
        if (Find(menu, id) is not var (siblings, index))
        {
            return false;
        }

        var item = (JsonObject)siblings[index]!;
        item["DisplayText"] = text;
        if (item[MenuNames.LinkMenuItemPart] is JsonObject link)
        {
            link["Name"] = text;
            link["Url"] = url;
            link["Target"] = newTab ? "_blank" : null;
        }

        if (item[MenuNames.ContentMenuItemPart] is JsonObject content)
        {
            content["Name"] = text;
            if (contentItemId is { Length: > 0 })
            {
                content[MenuNames.SelectedContentItem] = new JsonObject { ["ContentItemIds"] = new JsonArray(contentItemId) };
            }
        }

        return true;
    }

    /// <summary>Swaps the item with the one before (-1) or after (+1) it.</summary>
    public static bool Move(JsonObject menu, string id, int direction)
    {
        if (Find(menu, id) is not var (siblings, index) || index + direction is var other && (other < 0 || other >= siblings.Count))
        {
            return false;
        }

        var item = siblings[index]!;
        siblings.RemoveAt(index);
        siblings.Insert(other, item);
        return true;
    }

    /// <summary>Puts the item (with its own) under the item before it, last.</summary>
    public static bool Indent(JsonObject menu, string id)
    {
        if (Find(menu, id) is not var (siblings, index) || index == 0 || siblings[index - 1] is not JsonObject parent)
        {
            return false;
        }

        var item = siblings[index]!;
        siblings.RemoveAt(index);
        ItemsOf(parent).Add(item);
        return true;
    }

    /// <summary>Takes the item (with its own) out from under its parent, to just after it.</summary>
    public static bool Outdent(JsonObject menu, string id)
    {
        if (Find(menu, id) is not var (siblings, index) || ParentOf(menu, siblings) is not var (outer, at))
        {
            return false;
        }

        var item = siblings[index]!;
        siblings.RemoveAt(index);
        outer.Insert(at + 1, item);
        return true;
    }

    /// <summary>Removes the item and the items under it.</summary>
    public static bool Remove(JsonObject menu, string id)
    {
        if (Find(menu, id) is not var (siblings, index))
        {
            return false;
        }

        siblings.RemoveAt(index);
        return true;
    }

    /// <summary>The item with this id anywhere in the menu: the list it is in and its place there.</summary>
    public static (JsonArray Siblings, int Index)? Find(JsonObject holder, string id)
    {
        if (MenuTree.Items(holder) is not { } items)
        {
            return null;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject item)
            {
                continue;
            }

            if (item["ContentItemId"] is JsonValue value && value.TryGetValue<string>(out var itemId) && itemId == id)
            {
                return (items, i);
            }

            if (Find(item, id) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    // The list holding the item whose own items are this list, and that item's place in it; null at the top level.
    private static (JsonArray Siblings, int Index)? ParentOf(JsonObject holder, JsonArray list)
    {
        if (MenuTree.Items(holder) is not { } items)
        {
            return null;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is JsonObject item && (ReferenceEquals(MenuTree.Items(item), list) ? (items, i) : ParentOf(item, list)) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static JsonArray ItemsOf(JsonObject holder)
    {
        if (holder[MenuNames.MenuItemsListPart] is not JsonObject part)
        {
            holder[MenuNames.MenuItemsListPart] = part = [];
        }

        if (part[MenuNames.MenuItems] is not JsonArray items)
        {
            part[MenuNames.MenuItems] = items = [];
        }

        return items;
    }
}
