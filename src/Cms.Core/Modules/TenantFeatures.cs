using System.Text.Json.Nodes;
using Cms.Data;
using Cms.Recipes.Steps;

namespace Cms.Modules;

/// <summary>
/// The features a tenant has on: the <c>Enabled</c> list of its features document (what recipes' <c>feature</c> steps
/// and the Features page wrote). A tenant with no document yet (set up without a recipe, or before features were
/// kept) has every module's feature on; the host's own tenant, which has no site of its own, has none.
/// </summary>
public static class TenantFeatures
{
    internal static IReadOnlySet<string> Read(JsonObject? document, IEnumerable<ModuleFeature> modules, bool isHost) =>
        document?["Enabled"] is JsonArray enabled
            ? enabled.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var id) ? id : null).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase)
            : modules.Where(_ => !isHost).Select(m => m.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);

    internal static async Task<IReadOnlySet<string>> ReadAsync(TenantDbContext db, IEnumerable<ModuleFeature> modules, bool isHost, CancellationToken cancellationToken) =>
        Read(await TenantDocuments.GetAsync<JsonObject>(db, RecipeDocuments.Features, cancellationToken), modules, isHost);

    /// <summary>The document with <paramref name="feature"/> turned on or off, from what it holds (or the defaults).</summary>
    internal static JsonObject With(JsonObject? document, IEnumerable<ModuleFeature> modules, string feature, bool on)
    {
        var enabled = Read(document, modules, isHost: false).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (on)
        {
            enabled.Add(feature);
        }
        else
        {
            enabled.Remove(feature);
        }

        var changed = (JsonObject?)document?.DeepClone() ?? [];
        changed["Enabled"] = new JsonArray(enabled.Order(StringComparer.Ordinal).Select(n => (JsonNode)n).ToArray());
        return changed;
    }

    /// <summary>The handlers, steps or entries that run with these features on: their own, and those no feature owns.</summary>
    public static IReadOnlyList<T> Running<T>(this IEnumerable<T> contributions, IReadOnlySet<string> features) =>
        contributions.Where(c => c is not IFeatureOwned owned || features.Contains(owned.Feature)).ToList();
}
