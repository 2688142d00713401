using Cms.Content.Definitions;
using Cms.Recipes.Execution;

namespace Cms.Recipes.Steps;

/// <summary><c>DeleteContentDefinition</c>: removes types and parts by name; unknown names are ignored, as in Orchard.</summary>
internal sealed class DeleteContentDefinitionStep : IRecipeStep
{
    public string Name => "DeleteContentDefinition";

    public void Validate(RecipeStepContext step, RecipeValidation validation) =>
        ContentDefinitionEditor.Delete(validation.Definitions, DefinitionRecords.Names(step, "ContentTypes", validation), DefinitionRecords.Names(step, "ContentParts", validation));

    public Task ApplyAsync(RecipeStepContext step, RecipeApplication application, CancellationToken cancellationToken)
    {
        ContentDefinitionEditor.Delete(application.Definitions, DefinitionRecords.Names(step, "ContentTypes", null), DefinitionRecords.Names(step, "ContentParts", null));
        return Task.CompletedTask;
    }
}
