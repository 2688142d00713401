using Cms.Content;
using Cms.Data;
using Cms.Recipes.Execution;

namespace Cms.Modules;

/// <summary>What a module's recipe step may write: all of it in the import's one transaction, kept or lost together.</summary>
public sealed class ModuleRecipeTarget
{
    private readonly RecipeApplication _application;

    internal ModuleRecipeTarget(RecipeApplication application)
    {
        _application = application;
    }

    /// <summary>The tenant's content, as the import's own content steps write it.</summary>
    public ContentManager Content => _application.Content;

    public DateTimeOffset Now => _application.Now;

    /// <summary>A document of the tenant's (settings a module keeps), or null when there is none.</summary>
    public Task<T?> GetDocumentAsync<T>(string key, CancellationToken cancellationToken)
        where T : class => TenantDocuments.GetAsync<T>(_application.Db, key, cancellationToken);

    public Task SetDocumentAsync<T>(string key, T value, CancellationToken cancellationToken)
        where T : class =>
        TenantDocuments.SetAsync(_application.Db, key, value, _application.Now, cancellationToken);

    /// <summary>Counts what the step wrote, for the import's summary ("3 menu items").</summary>
    public void Count(string what, int n = 1) => _application.Count(what, n);
}
