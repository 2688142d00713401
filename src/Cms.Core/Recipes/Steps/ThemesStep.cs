using System.Text.Json.Nodes;
using Cms.Recipes.Execution;

namespace Cms.Recipes.Steps;

/// <summary><c>themes</c>: accepted and recorded; the public site always uses the practice theme, which a tenant can override by templates.</summary>
internal sealed class ThemesStep : IRecipeStep
{
    /// <summary>The theme practice sites are rendered with (the Practice module's templates).</summary>
    public const string PracticeTheme = "Cms.Practice";

    public string Name => "themes";

    public void Validate(RecipeStepContext step, RecipeValidation validation)
    {
        foreach (var key in new[] { "site", "admin" })
        {
            if (step.Property(key) is { } value && (value is not JsonValue v || !v.TryGetValue<string>(out _)))
            {
                validation.Error(step.Index, step.PointerOf(key), $"'{key}' must be a theme name.");
            }
        }

        if (step.Property("site") is JsonValue site && site.TryGetValue<string>(out var name) && name.Length > 0 && name != PracticeTheme)
        {
            validation.Unsupported(step.Index, step.PointerOf("site"), $"The theme '{name}' is recorded, but practice sites use the practice theme.");
        }
    }

    public Task ApplyAsync(RecipeStepContext step, RecipeApplication application, CancellationToken cancellationToken) =>
        RecipeDocuments.MergeAsync(application, RecipeDocuments.Themes, RecipeDocuments.Body(step), cancellationToken);
}
