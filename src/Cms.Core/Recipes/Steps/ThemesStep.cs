using System.Text.Json.Nodes;
using Cms.Recipes.Execution;

namespace Cms.Recipes.Steps;

/// <summary>
/// <c>themes</c>: accepted and recorded; a site is rendered with the theme of the module that renders it (a tenant
/// overrides its templates), so a site theme no module of this host has is named in a warning.
/// </summary>
internal sealed class ThemesStep(IEnumerable<Themes.IThemeTemplates> themes) : IRecipeStep
{
    private readonly List<string> _themes = themes.Select(t => t.Name).ToList();

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

        if (step.Property("site") is JsonValue site && site.TryGetValue<string>(out var name) && name.Length > 0 && !_themes.Contains(name))
        {
            var have = _themes.Count == 0 ? "none" : string.Join(", ", _themes);
            validation.Unsupported(step.Index, step.PointerOf("site"), $"The theme '{name}' is recorded, but sites here are rendered with their module's theme (this host has: {have}).");
        }
    }

    public Task ApplyAsync(RecipeStepContext step, RecipeApplication application, CancellationToken cancellationToken) =>
        RecipeDocuments.MergeAsync(application, RecipeDocuments.Themes, RecipeDocuments.Body(step), cancellationToken);
}
