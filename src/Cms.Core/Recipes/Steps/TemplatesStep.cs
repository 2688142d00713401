using System.Text.Json.Nodes;
using Cms.Recipes.Execution;
using Cms.Tenancy;
using Cms.Themes;
using Fluid;

namespace Cms.Recipes.Steps;

/// <summary>
/// <c>Templates</c>: Liquid templates that override the theme's, by name. A template that does not parse is refused;
/// so is one that goes over a rendering limit or fails on a page of the site it is imported into (a trial render
/// before anything is written, as the admin does on save), since a recipe is untrusted input.
/// </summary>
internal sealed class TemplatesStep : IRecipeStep
{
    private static readonly FluidParser s_parser = new();

    private readonly IThemeTemplates? _theme;
    private readonly TenantActivator _activator;

    public TemplatesStep(IEnumerable<IThemeTemplates> theme, TenantActivator activator)
    {
        _theme = theme.FirstOrDefault();
        _activator = activator;
    }

    public string Name => "Templates";

    public void Validate(RecipeStepContext step, RecipeValidation validation)
    {
        if (step.Property("Templates") is not JsonObject templates)
        {
            validation.Error(step.Index, step.PointerOf("Templates"), "'Templates' must be an object of templates by name.");
            return;
        }

        var candidates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, template) in templates)
        {
            var pointer = Pointer(step, name);
            var content = template?["Content"] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
            if (content is null)
            {
                validation.Error(step.Index, pointer, "A template needs its Liquid as Content.");
            }
            else if (content.Length == 0)
            {
                validation.Unsupported(step.Index, pointer, $"The template '{name}' is empty and is skipped; the theme's template stays.");
            }
            else if (!s_parser.TryParse(content, out _, out var error))
            {
                validation.Error(step.Index, pointer, $"The template '{name}' does not parse: {error}");
            }
            else
            {
                candidates[name] = content;
            }
        }

        if (_theme is { } theme && candidates.Count > 0)
        {
            validation.SiteChecks.Add((tenant, cancellationToken) => TryAsync(theme, tenant, step, candidates, validation, cancellationToken));
        }
    }

    public async Task ApplyAsync(RecipeStepContext step, RecipeApplication application, CancellationToken cancellationToken)
    {
        var templates = new JsonObject();
        foreach (var (name, template) in (JsonObject)step.Property("Templates")!)
        {
            if (template?["Content"] is JsonValue v && v.TryGetValue<string>(out var content) && content.Length > 0)
            {
                templates[name] = template.DeepClone();
            }
        }

        await RecipeDocuments.MergeAsync(application, RecipeDocuments.Templates, templates, cancellationToken);
        application.Count("templates", templates.Count);
    }

    private static string Pointer(RecipeStepContext step, string name) => $"{step.PointerOf("Templates")}/{name}/Content";

    // The step's templates together over the site's stored ones, on the site as it is before this recipe.
    private async Task TryAsync(IThemeTemplates theme, TenantSettings tenant, RecipeStepContext step, Dictionary<string, string> candidates, RecipeValidation validation, CancellationToken cancellationToken)
    {
        var runtime = await _activator.ActivateAsync(tenant, cancellationToken);
        foreach (var refusal in await theme.TrialAsync(runtime, candidates, cancellationToken))
        {
            validation.Error(step.Index, refusal.Template is { } name ? Pointer(step, name) : step.PointerOf("Templates"), refusal.Message);
        }
    }
}
