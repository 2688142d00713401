namespace Cms.Menu;

/// <summary>Orchard's names for menus, as its Menu module (OrchardCore.Menu 2.1, Migrations/menu.recipe.json) defines them.</summary>
public static class MenuNames
{
    public const string Menu = "Menu";
    public const string LinkMenuItem = "LinkMenuItem";
    public const string ContentMenuItem = "ContentMenuItem";
    public const string MenuPart = "MenuPart";
    public const string MenuItemsListPart = "MenuItemsListPart";
    public const string MenuItems = "MenuItems";
    public const string LinkMenuItemPart = "LinkMenuItemPart";
    public const string ContentMenuItemPart = "ContentMenuItemPart";
    public const string HtmlMenuItemPart = "HtmlMenuItemPart";
    public const string SelectedContentItem = "SelectedContentItem";
    public const string AliasPart = "AliasPart";

    /// <summary>The alias of the menu a site shows as its main navigation (Orchard's blog recipe names it so too).</summary>
    public const string MainMenuAlias = "main-menu";
}
