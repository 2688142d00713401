using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Content.Handlers;
using Cms.Modules;

namespace Cms.Menu.Handlers;

/// <summary>
/// The rules a menu's items follow wherever they are saved (the editor, a recipe): each is an item with an id of its
/// own and a type, nested no deeper than <see cref="MenuTree.MaxDepth"/>, linking only where a menu may
/// (<see cref="MenuTree.Problem"/>). A menu is on every page, so a link that runs script would run it on all of them.
/// </summary>
internal sealed class MenuItemsHandler : IContentHandler, IFeatureOwned
{
    public string Feature => MenuModule.Feature;

    public Task SavingAsync(ContentSavingContext context, CancellationToken cancellationToken)
    {
        if (context.Item.Data[MenuNames.MenuItemsListPart] is { } list)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            Check(context, list, MenuNames.MenuItemsListPart, depth: 1, ids);
        }

        return Task.CompletedTask;
    }

    private static void Check(ContentSavingContext context, JsonNode list, string path, int depth, HashSet<string> ids)
    {
        if (list is not JsonObject part || part[MenuNames.MenuItems] is not (null or JsonArray))
        {
            context.AddError(path, $"{MenuNames.MenuItemsListPart} holds a list of menu items: {{ \"{MenuNames.MenuItems}\": [ ... ] }}.");
            return;
        }

        var items = part[MenuNames.MenuItems] as JsonArray ?? [];
        if (items.Count > 0 && depth > MenuTree.MaxDepth)
        {
            context.AddError(path, $"Menu items nest at most {MenuTree.MaxDepth} deep; move these up a level.");
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var at = $"{path}.{MenuNames.MenuItems}.{i}";
            if (items[i] is not JsonObject item)
            {
                context.AddError(at, "A menu item must be an object with a ContentItemId and a ContentType.");
                continue;
            }

            if (Text(item, "ContentItemId") is not { Length: > 0 } id)
            {
                context.AddError($"{at}.ContentItemId", "A menu item needs a ContentItemId.");
            }
            else if (!ids.Add(id))
            {
                context.AddError($"{at}.ContentItemId", $"Another item of this menu has the id '{id}'; each item needs its own.");
            }

            if (Text(item, "ContentType") is not { Length: > 0 })
            {
                context.AddError($"{at}.ContentType", "A menu item needs a ContentType (LinkMenuItem or ContentMenuItem).");
            }

            foreach (var partName in new[] { MenuNames.LinkMenuItemPart, MenuNames.HtmlMenuItemPart })
            {
                if (item[partName] is JsonObject link && link["Url"] is { } url)
                {
                    if (url.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Null))
                    {
                        context.AddError($"{at}.{partName}.Url", "Url must be text.");
                    }
                    else if (Text(link, "Url") is { } address && MenuTree.Problem(address) is { } problem)
                    {
                        context.AddError($"{at}.{partName}.Url", problem);
                    }
                }
            }

            if (item[MenuNames.MenuItemsListPart] is { } nested)
            {
                Check(context, nested, $"{at}.{MenuNames.MenuItemsListPart}", depth + 1, ids);
            }
        }
    }

    private static string? Text(JsonObject data, string key) => data[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
