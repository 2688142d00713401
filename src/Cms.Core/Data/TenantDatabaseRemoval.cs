using Cms.Tenancy;

namespace Cms.Data;

/// <summary>The tenant's content, users, documents and view counts: its SQLite file, or its rows in every tenant table.</summary>
internal sealed class TenantDatabaseRemoval(CmsDatabase database) : ITenantRemovalHandler
{
    public string Removes => "its rows in the tenant database";

    public Task RemoveAsync(TenantSettings tenant, CancellationToken cancellationToken) =>
        database.DeleteTenantRowsAsync(tenant, cancellationToken);
}
