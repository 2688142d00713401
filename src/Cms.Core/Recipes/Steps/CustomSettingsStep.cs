using System.Text.Json.Nodes;
using Cms.Recipes.Execution;

namespace Cms.Recipes.Steps;

/// <summary><c>custom-settings</c>: Orchard's custom settings (a content item per settings type), stored by type name.</summary>
internal sealed class CustomSettingsStep : IRecipeStep
{
    public string Name => "custom-settings";

    public void Validate(RecipeStepContext step, RecipeValidation validation)
    {
        foreach (var (key, value) in RecipeDocuments.Body(step))
        {
            if (value is not JsonObject)
            {
                validation.Error(step.Index, step.PointerOf(key), $"The custom settings '{key}' must be an object.");
            }
            else if (validation.Definitions.FindType(key) is null)
            {
                validation.Unsupported(step.Index, step.PointerOf(key), $"The custom settings type '{key}' is not defined; the settings are kept as they are.");
            }
        }
    }

    public async Task ApplyAsync(RecipeStepContext step, RecipeApplication application, CancellationToken cancellationToken)
    {
        var body = RecipeDocuments.Body(step);
        await RecipeDocuments.MergeAsync(application, RecipeDocuments.CustomSettings, body, cancellationToken);
        application.Count("custom settings", body.Count);
    }
}
