using Cms.Content.Definitions;
using Cms.Recipes.Execution;

namespace Cms.Recipes.Steps;

/// <summary>
/// <c>ContentDefinition</c> creates or alters types and parts, merging settings as Orchard does;
/// <c>ReplaceContentDefinition</c> makes the listed types and parts exactly what the step says.
/// </summary>
internal sealed class ContentDefinitionStep : IRecipeStep
{
    private readonly bool _replace;

    private ContentDefinitionStep(string name, bool replace)
    {
        Name = name;
        _replace = replace;
    }

    public string Name { get; }

    public static ContentDefinitionStep Alter() => new("ContentDefinition", replace: false);

    public static ContentDefinitionStep Replace() => new("ReplaceContentDefinition", replace: true);

    public void Validate(RecipeStepContext step, RecipeValidation validation)
    {
        var (types, parts) = DefinitionRecords.Read(step, validation);
        Apply(validation.Definitions, types, parts);
        DefinitionRecords.ReportUnsupported(step, validation, types, parts);
    }

    public Task ApplyAsync(RecipeStepContext step, RecipeApplication application, CancellationToken cancellationToken)
    {
        var (types, parts) = DefinitionRecords.Read(step, null);
        Apply(application.Definitions, types, parts);
        application.Count("types", types.Count);
        application.Count("parts", parts.Count);
        return Task.CompletedTask;
    }

    private void Apply(ContentDefinitions definitions, List<ContentTypeDefinition> types, List<ContentPartDefinition> parts)
    {
        if (_replace)
        {
            ContentDefinitionEditor.Replace(definitions, types, parts);
        }
        else
        {
            ContentDefinitionEditor.Alter(definitions, types, parts);
        }
    }
}
