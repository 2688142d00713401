namespace Cms.Tenancy;

/// <summary>
/// Told of every <see cref="TenantChange"/> once per node: on the node that made it, right after the tenant's runtime
/// there was refreshed; on the other nodes, when their <see cref="TenantChangeListener"/> hears it (PostgreSQL). A change
/// the registry poll catches while that connection is lost reaches no observer: the runtime is rebuilt all the same.
/// </summary>
internal interface ITenantChangeObserver
{
    Task ChangedAsync(TenantChange change, CancellationToken cancellationToken);
}
