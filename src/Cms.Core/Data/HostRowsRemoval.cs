using Cms.Tenancy;

namespace Cms.Data;

/// <summary>
/// The tenant's rows in the host database: scheduled publications and any host table keyed by tenant name. The
/// registry's own rows (the tenant and its host names) are removed last, by the caller, once every store is done.
/// </summary>
internal sealed class HostRowsRemoval(CmsDatabase database) : ITenantRemovalHandler
{
    public string Removes => "its rows in the host database (scheduled publications)";

    public async Task RemoveAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        await using var connection = database.CreateHostConnection();
        await connection.OpenAsync(cancellationToken);
        await TenantKeyedRows.DeleteAsync(connection, "TenantName", tenant.Name, [HostDbContext.TenantHostsTable], cancellationToken);
    }
}
