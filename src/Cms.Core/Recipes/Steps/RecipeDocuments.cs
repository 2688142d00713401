using System.Text.Json.Nodes;
using Cms.Content.Definitions;
using Cms.Data;
using Cms.Recipes.Execution;

namespace Cms.Recipes.Steps;

/// <summary>The tenant documents the simple steps write: merged by key, in the recipe's transaction.</summary>
public static class RecipeDocuments
{
    public const string Features = "features";
    public const string Themes = "themes";
    public const string OrchardSite = "orchard-site-settings";
    public const string Roles = "roles";
    public const string Templates = "templates";
    public const string CustomSettings = "custom-settings";

    internal static async Task MergeAsync(RecipeApplication application, string key, JsonObject patch, CancellationToken cancellationToken)
    {
        var document = await TenantDocuments.GetAsync<JsonObject>(application.Db, key, cancellationToken) ?? [];
        JsonMerge.Into(document, patch);
        await TenantDocuments.SetAsync(application.Db, key, document, application.Now, cancellationToken);
    }

    /// <summary>The step's properties other than its name: what settings-like steps store.</summary>
    internal static JsonObject Body(RecipeStepContext step)
    {
        var body = new JsonObject();
        foreach (var (key, value) in step.Step)
        {
            if (!string.Equals(key, "name", StringComparison.OrdinalIgnoreCase))
            {
                body[key] = value?.DeepClone();
            }
        }

        return body;
    }
}
