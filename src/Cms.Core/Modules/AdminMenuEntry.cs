namespace Cms.Modules;

/// <summary>
/// An entry a module adds to the admin's menu (Orchard's <c>INavigationProvider</c>, as data): shown after Content, in
/// <see cref="Position"/> order, while the module's feature is on for the tenant and to users who hold the permission.
/// A module registers one with <c>services.AddSingleton(new AdminMenuEntry(…))</c>.
/// </summary>
/// <param name="Text">The entry's text.</param>
/// <param name="Path">Where it goes, under the tenant's admin: <c>admin/content?type=Series</c>.</param>
/// <param name="Section">The section a page names in <c>ViewData["Section"]</c> to mark the entry current.</param>
/// <param name="Feature">The module's feature.</param>
public sealed record AdminMenuEntry(string Text, string Path, string Section, string Feature) : IFeatureOwned
{
    public int Position { get; init; }

    /// <summary>The permission a user needs to see the entry; null when anyone in the admin may.</summary>
    public string? Permission { get; init; }
}
