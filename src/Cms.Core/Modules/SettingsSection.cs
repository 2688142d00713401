namespace Cms.Modules;

/// <summary>
/// A section a module adds to the admin's Settings page: the tenant's custom settings of one content type (Orchard's
/// custom settings), edited with the same editors as content and checked by the same rules, while the module's
/// feature is on. A module registers one with <c>services.AddSingleton(new SettingsSection(…))</c>.
/// </summary>
/// <param name="ContentType">The custom-settings type (its stereotype <c>CustomSettings</c>).</param>
/// <param name="Title">The section's heading.</param>
/// <param name="Lead">What the settings are for, in a sentence.</param>
/// <param name="Feature">The module's feature.</param>
public sealed record SettingsSection(string ContentType, string Title, string Lead, string Feature) : IFeatureOwned;
