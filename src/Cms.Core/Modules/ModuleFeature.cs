namespace Cms.Modules;

/// <summary>
/// A feature a module of this host brings (Orchard's manifest feature): turned on or off per tenant, by a recipe's
/// <c>feature</c> step or the admin's Features page. While it is off for a tenant, the module's content handlers,
/// routes and admin entries do nothing there. A module registers one with <c>services.AddSingleton(new ModuleFeature(…))</c>.
/// </summary>
/// <param name="Id">The id recipes name it by, e.g. <c>Cms.Practice</c>.</param>
/// <param name="Name">What the Features page calls it.</param>
/// <param name="Description">What it brings, in a sentence, for the Features page.</param>
public sealed record ModuleFeature(string Id, string Name, string Description)
{
    /// <summary>The content parts the module gives behaviour to (Orchard's <c>AddContentPart</c>): a recipe naming them is not warned that they do nothing.</summary>
    public IReadOnlyList<string> Parts { get; init; } = [];
}
