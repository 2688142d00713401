using System.Text.Json.Nodes;
using Cms.Modules;
using Cms.Recipes.Execution;

namespace Cms.Recipes.Steps;

/// <summary><c>feature</c>: enables and disables features. Orchard's features this host has are recorded; others are named in a warning.</summary>
internal sealed class FeatureStep : IRecipeStep
{
    /// <summary>Orchard features whose behaviour this host provides (or needs none for).</summary>
    private static readonly HashSet<string> s_known = new(StringComparer.OrdinalIgnoreCase)
    {
        "OrchardCore.Contents", "OrchardCore.ContentTypes", "OrchardCore.ContentFields", "OrchardCore.Title",
        "OrchardCore.Autoroute", "OrchardCore.Markdown", "OrchardCore.Html", "OrchardCore.Lists",
        "OrchardCore.Media", "OrchardCore.Settings", "OrchardCore.Roles", "OrchardCore.Users",
        "OrchardCore.Recipes", "OrchardCore.CustomSettings", "OrchardCore.Templates", "OrchardCore.Liquid",
        "OrchardCore.Admin", "OrchardCore.Navigation", "OrchardCore.Resources", "OrchardCore.Themes",
        "OrchardCore.Deployment", "OrchardCore.Feeds", "OrchardCore.Alias", "OrchardCore.Contents.FileContentDefinition",
        "OrchardCore.Seo", "OrchardCore.Flows", "OrchardCore.HomeRoute", "TheAdmin", "SafeMode",
    };

    private readonly IReadOnlyList<ModuleFeature> _modules;

    public FeatureStep(IEnumerable<ModuleFeature> modules)
    {
        _modules = modules.ToList();
    }

    public string Name => "feature";

    private bool IsKnown(string feature) => s_known.Contains(feature) || _modules.Any(m => string.Equals(m.Id, feature, StringComparison.OrdinalIgnoreCase));

    public void Validate(RecipeStepContext step, RecipeValidation validation)
    {
        foreach (var list in new[] { "enable", "disable" })
        {
            var names = Names(step, list, validation);
            var unknown = names.Where(n => !IsKnown(n)).ToList();
            if (list == "enable" && unknown.Count > 0)
            {
                validation.Unsupported(step.Index, step.PointerOf(list), $"Features this host does not have are ignored: {string.Join(", ", unknown)}.");
            }
        }

        // The steps after this one are checked as they will run: with the features it turns on, without those it turns off.
        if (validation.Features is { } features)
        {
            validation.Features = After(step, features);
        }
    }

    public async Task ApplyAsync(RecipeStepContext step, RecipeApplication application, CancellationToken cancellationToken)
    {
        // A tenant with no document yet starts from the features it had when the import began (TenantFeatures' defaults).
        var document = await Data.TenantDocuments.GetAsync<JsonObject>(application.Db, RecipeDocuments.Features, cancellationToken) ?? [];
        var enabled = After(step, document.ContainsKey("Enabled") ? TenantFeatures.Read(document, [], isHost: false) : application.Features);
        document["Enabled"] = new JsonArray(enabled.Order(StringComparer.Ordinal).Select(n => (JsonNode)n).ToArray());
        await Data.TenantDocuments.SetAsync(application.Db, RecipeDocuments.Features, document, application.Now, cancellationToken);

        // What a recipe turns on runs for the rest of it: its menu's items are checked by the Menu module's rules.
        application.UseFeatures(enabled);
        application.Count("features", enabled.Count);
    }

    private HashSet<string> After(RecipeStepContext step, IEnumerable<string> before)
    {
        var enabled = before.ToHashSet(StringComparer.OrdinalIgnoreCase);
        enabled.UnionWith(Names(step, "enable", null).Where(IsKnown));
        enabled.ExceptWith(Names(step, "disable", null));
        return enabled;
    }

    private static List<string> Names(RecipeStepContext step, string property, RecipeValidation? validation)
    {
        var node = step.Property(property);
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray array || array.Any(e => e is not JsonValue v || !v.TryGetValue<string>(out _)))
        {
            validation?.Error(step.Index, step.PointerOf(property), $"'{property}' must be a list of feature names.");
            return [];
        }

        return array.Select(e => e!.GetValue<string>()).ToList();
    }
}
