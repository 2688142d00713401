using System.Text.Json.Nodes;
using Cms.Recipes.Execution;
using Fluid;

namespace Cms.Recipes.Steps;

/// <summary><c>Templates</c>: Liquid templates that override the theme's, by name; a template that does not parse is refused.</summary>
internal sealed class TemplatesStep : IRecipeStep
{
    private static readonly FluidParser s_parser = new();

    public string Name => "Templates";

    public void Validate(RecipeStepContext step, RecipeValidation validation)
    {
        if (step.Property("Templates") is not JsonObject templates)
        {
            validation.Error(step.Index, step.PointerOf("Templates"), "'Templates' must be an object of templates by name.");
            return;
        }

        foreach (var (name, template) in templates)
        {
            var pointer = $"{step.PointerOf("Templates")}/{name}/Content";
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
}
