namespace Cms.Recipes;

/// <summary>The header of a recipe file: what the setup and the CLI show and look recipes up by.</summary>
public sealed record RecipeDescriptor(string Name, string? DisplayName, string? Description, bool IsSetupRecipe, string FilePath);
