namespace Cms.Modules;

/// <summary>
/// A link a module adds to the editor of its content type's items (a series' "Order of the parts"), shown while the
/// module's feature is on for the tenant. A module registers one with <c>services.AddSingleton(new ContentItemAction(…))</c>.
/// </summary>
/// <param name="ContentType">The type whose saved items show it.</param>
/// <param name="Text">The link's text.</param>
/// <param name="PathFormat">Where it goes under the tenant, <c>{0}</c> the item's id: <c>admin/series/{0}/parts</c>.</param>
/// <param name="Feature">The module's feature.</param>
public sealed record ContentItemAction(string ContentType, string Text, string PathFormat, string Feature) : IFeatureOwned;
