using Cms.Content.Definitions;
using Cms.Recipes.Execution;

namespace Cms.Recipes.Steps;

/// <summary><c>ReplaceContentDefinition</c>: the listed types and parts become exactly what the step says.</summary>
internal sealed class ReplaceContentDefinitionStep : IRecipeStep
{
    public string Name => "ReplaceContentDefinition";

    public void Validate(RecipeStepContext step, RecipeValidation validation)
    {
        var (types, parts) = DefinitionRecords.Read(step, validation);
        ContentDefinitionEditor.Replace(validation.Definitions, types, parts);
        DefinitionRecords.ReportUnsupported(step, validation, types, parts);
    }

    public Task ApplyAsync(RecipeStepContext step, RecipeApplication application, CancellationToken cancellationToken)
    {
        var (types, parts) = DefinitionRecords.Read(step, null);
        ContentDefinitionEditor.Replace(application.Definitions, types, parts);
        application.Count("types", types.Count);
        application.Count("parts", parts.Count);
        return Task.CompletedTask;
    }
}
