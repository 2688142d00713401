namespace Cms.Menu;

/// <summary>
/// One entry of a menu as a site shows it: its text and either where it goes (<see cref="Url"/>: a site path, <c>~/</c>
/// resolved to <c>/</c>, or an address elsewhere) or the item it shows (<see cref="ContentItemId"/>, whose URL the theme
/// knows), with the entries nested under it.
/// </summary>
public sealed record MenuLink(string Id, string Type, string Text, string? Url, string? ContentItemId, string? Target, IReadOnlyList<MenuLink> Children);
