using Cms.Recipes.Execution;
using Cms.Recipes.Export;
using Cms.Tenancy;

namespace Cms.Recipes;

/// <summary>Recipe import and export for a named tenant: what the CLI, the API and the admin call.</summary>
internal sealed class TenantRecipes
{
    private readonly TenantStore _store;
    private readonly RecipeExecutor _executor;
    private readonly RecipeExporter _exporter;

    public TenantRecipes(TenantStore store, RecipeExecutor executor, RecipeExporter exporter)
    {
        _store = store;
        _executor = executor;
        _exporter = exporter;
    }

    public Task<RecipeResult> ValidateAsync(RecipeSource source, RecipeOptions options, CancellationToken cancellationToken) =>
        _executor.ValidateAsync(source, options, cancellationToken);

    /// <summary>Imports into a running tenant; null when there is no such tenant. The import's commit raises its change (see TenantChanges).</summary>
    public async Task<RecipeResult?> ImportAsync(string tenantName, RecipeSource source, RecipeOptions options, CancellationToken cancellationToken)
    {
        if (await _store.FindAsync(tenantName, cancellationToken) is not { State: TenantState.Running } tenant)
        {
            return null;
        }

        return await _executor.ExecuteAsync(tenant, source, options, cancellationToken);
    }

    /// <summary>Writes the tenant as a recipe; false when there is no such tenant.</summary>
    public async Task<bool> ExportAsync(string tenantName, ExportOptions options, Stream output, CancellationToken cancellationToken)
    {
        if (await _store.FindAsync(tenantName, cancellationToken) is not { State: TenantState.Running } tenant)
        {
            return false;
        }

        await _exporter.ExportAsync(tenant, options, output, cancellationToken);
        return true;
    }
}
