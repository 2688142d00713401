using System.Text.Json.Nodes;

namespace Cms.Core.Tests.Recipes;

/// <summary>
/// The features a setup recipe must enable itself for what it says to take effect in Orchard Core 2.1: a step whose feature
/// is not enabled does nothing and raises no error, a theme that is not enabled is not drawn, and "/" is the home page
/// only with OrchardCore.HomeRoute (see the "setup" section of OrchardCore21Names.json).
/// </summary>
internal static class SetupRecipeFeatures
{
    public static IEnumerable<string> Missing(OrchardNames names, List<JsonObject> steps)
    {
        var at = steps.FindIndex(IsFeatureStep) is var index and >= 0 ? $"/steps/{index}/enable" : "/steps";
        var enabled = new HashSet<string>(names.EnabledAtSetup, StringComparer.Ordinal);
        enabled.UnionWith(steps.Where(IsFeatureStep).SelectMany(s => s["enable"] as JsonArray ?? []).Select(Text));
        var needed = new List<(string Feature, string Why)>();
        foreach (var step in steps)
        {
            var name = Text(step["name"]);
            if (names.StepFeatures.TryGetValue(name, out var feature))
            {
                needed.Add((feature, $"its {name} step"));
            }

            if (name.Equals("themes", StringComparison.OrdinalIgnoreCase))
            {
                needed.AddRange(step.Where(p => p.Key != "name").Select(p => (Text(p.Value), $"its themes step's {p.Key} theme")));
            }

            var items = step.FirstOrDefault(p => string.Equals(p.Key, "data", StringComparison.OrdinalIgnoreCase)).Value as JsonArray ?? [];
            if (items.Any(i => i?["AutoroutePart"]?["SetHomepage"] is JsonValue home && home.TryGetValue<bool>(out var isHome) && isHome))
            {
                needed.Add((names.HomePageFeature, "its home page (AutoroutePart.SetHomepage)"));
            }
        }

        return needed.Where(n => !enabled.Contains(n.Feature)).DistinctBy(n => n.Feature).Select(n => $"{at}: a setup recipe must enable '{n.Feature}' for {n.Why}");
    }

    private static bool IsFeatureStep(JsonObject step) => Text(step["name"]).Equals("feature", StringComparison.OrdinalIgnoreCase);

    private static string Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
}
