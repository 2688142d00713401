namespace Cms.Modules;

/// <summary>Something a module contributes that runs for a tenant only while the module's feature is on there.</summary>
public interface IFeatureOwned
{
    /// <summary>The <see cref="ModuleFeature.Id"/> it belongs to.</summary>
    string Feature { get; }
}
