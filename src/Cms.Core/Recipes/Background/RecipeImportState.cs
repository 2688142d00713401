namespace Cms.Recipes.Background;

/// <summary>Where an import started from the admin stands.</summary>
public enum RecipeImportState
{
    Running,
    Applied,
    Failed,
}
