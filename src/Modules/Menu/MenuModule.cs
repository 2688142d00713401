using Cms.Content.Handlers;
using Cms.Menu.Handlers;
using Cms.Modules;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Menu;

/// <summary>
/// Orchard's Menu module: menus (Menu, with MenuPart and MenuItemsListPart) of link and content items, nested, in
/// Orchard's JSON, so a recipe's menus import and export unchanged; an editor for a menu's items; the rules their
/// links follow. Written against the public module surface only. A theme shows a menu with <see cref="MenuTree"/>.
/// </summary>
public static class MenuModule
{
    /// <summary>Orchard's feature id, so an Orchard recipe that enables menus turns this module on.</summary>
    public const string Feature = "OrchardCore.Menu";

    public static IServiceCollection AddMenuModule(this IServiceCollection services)
    {
        services.AddSingleton(new ModuleFeature(Feature, "Menu", "Menus of links and pages, nested, edited in the admin; the practice site's navigation is its main menu.")
        {
            Parts = [MenuNames.MenuPart, MenuNames.MenuItemsListPart, MenuNames.LinkMenuItemPart, MenuNames.ContentMenuItemPart],
        });
        services.AddSingleton(new AdminMenuEntry("Menus", "admin/content?type=" + MenuNames.Menu, "menus", Feature) { Position = 30 });
        services.AddSingleton(new ContentItemAction(MenuNames.Menu, "Edit the menu's links", "admin/menus/{0}", Feature));
        services.AddSingleton<IContentHandler, MenuItemsHandler>();
        return services;
    }
}
