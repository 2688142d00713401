using Cms.Content.Definitions;
using Cms.Recipes.Execution;

namespace Cms.Recipes.Steps;

/// <summary><c>ContentDefinition</c>: creates or alters types and parts, merging settings as Orchard does.</summary>
internal sealed class ContentDefinitionStep : IRecipeStep
{
    public string Name => "ContentDefinition";

    public void Validate(RecipeStepContext step, RecipeValidation validation)
    {
        var (types, parts) = DefinitionRecords.Read(step, validation);
        ContentDefinitionEditor.Alter(validation.Definitions, types, parts);
        DefinitionRecords.ReportUnsupported(step, validation, types, parts);
    }

    public Task ApplyAsync(RecipeStepContext step, RecipeApplication application, CancellationToken cancellationToken)
    {
        var (types, parts) = DefinitionRecords.Read(step, null);
        ContentDefinitionEditor.Alter(application.Definitions, types, parts);
        application.Count("types", types.Count);
        application.Count("parts", parts.Count);
        return Task.CompletedTask;
    }
}
