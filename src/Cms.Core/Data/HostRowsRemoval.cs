using Cms.Tenancy;

namespace Cms.Data;

/// <summary>The tenant's rows in the host database (scheduled publications and any table keyed by tenant name).</summary>
internal sealed class HostRowsRemoval(CmsDatabase database) : ITenantRemovalHandler
{
    public string Removes => "its rows in the host database (scheduled publications)";

    public Task RemoveAsync(TenantSettings tenant, CancellationToken cancellationToken) =>
        database.DeleteHostRowsAsync(tenant, cancellationToken);
}
