using System.Text.Json.Nodes;

namespace Cms.Modules;

/// <summary>
/// A recipe step a module brings (Orchard's <c>NamedRecipeStepHandler</c>): checked with every other step before
/// anything is written, then applied in the import's one transaction. When it is also <see cref="IFeatureOwned"/>, it
/// runs only for a tenant with that feature on (elsewhere it is reported and skipped). A module registers one with
/// <c>services.AddModuleRecipeStep&lt;T&gt;()</c>.
/// </summary>
public interface IModuleRecipeStep
{
    /// <summary>The step's <c>name</c>, matched ignoring case as Orchard does.</summary>
    string Name { get; }

    /// <summary>What is wrong with the step, each named by its property (a JSON pointer below the step: <c>Entries/2</c>).</summary>
    IEnumerable<(string Property, string Message)> Check(JsonObject recipeStep);

    Task ApplyAsync(JsonObject recipeStep, ModuleRecipeTarget target, CancellationToken cancellationToken);
}
