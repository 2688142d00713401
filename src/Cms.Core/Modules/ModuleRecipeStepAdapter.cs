using Cms.Recipes.Execution;

namespace Cms.Modules;

/// <summary>A module's recipe step as the recipe engine runs its own: checked in the first pass, applied in the second.</summary>
internal sealed class ModuleRecipeStepAdapter(IModuleRecipeStep step) : IRecipeStep
{
    public string Name => step.Name;

    public void Validate(RecipeStepContext context, RecipeValidation validation)
    {
        if (IsOff(validation.Features) is { } feature)
        {
            validation.Unsupported(context.Index, context.Pointer, $"The step '{context.Name}' belongs to the feature '{feature}', which is off for this site; it is skipped.");
            return;
        }

        foreach (var (property, message) in step.Check(context.Step))
        {
            validation.Error(context.Index, context.PointerOf(property), message);
        }
    }

    public Task ApplyAsync(RecipeStepContext context, RecipeApplication application, CancellationToken cancellationToken) =>
        IsOff(application.Features) is null ? step.ApplyAsync(context.Step, new ModuleRecipeTarget(application), cancellationToken) : Task.CompletedTask;

    // The step's feature when the tenant has it off; null when it runs (no feature, or no site to ask: a check on its own).
    private string? IsOff(IReadOnlySet<string>? features) =>
        step is IFeatureOwned owned && features is not null && !features.Contains(owned.Feature) ? owned.Feature : null;
}
