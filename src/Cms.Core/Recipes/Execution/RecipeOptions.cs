namespace Cms.Recipes.Execution;

/// <summary>How to run a recipe: check only, treat warnings as errors, and the setup values scripts can read.</summary>
public sealed record RecipeOptions
{
    public bool DryRun { get; init; }

    /// <summary>Unknown steps, features and parts become errors instead of warnings.</summary>
    public bool Strict { get; init; }

    /// <summary>What <c>parameters('Name')</c> returns: SiteName, AdminUsername, AdminUserId...</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
}
