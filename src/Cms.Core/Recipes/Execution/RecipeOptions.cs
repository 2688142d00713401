namespace Cms.Recipes.Execution;

/// <summary>How to run a recipe: check only, treat warnings as errors, and the setup values scripts can read.</summary>
public sealed record RecipeOptions
{
    public bool DryRun { get; init; }

    /// <summary>Unknown steps, features and parts become errors instead of warnings.</summary>
    public bool Strict { get; init; }

    /// <summary>What <c>parameters('Name')</c> returns: SiteName, AdminUsername, AdminUserId...</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Told after every item checked and applied (on the importing thread: keep it quick).</summary>
    public IProgress<RecipeProgress>? Progress { get; init; }

    /// <summary>
    /// Another import into the practice, on any node or in the CLI, refuses this one at once instead of making it wait for the
    /// first; saves under way are waited for.
    /// </summary>
    public bool RefuseWhileImporting { get; init; }
}
