using Microsoft.Extensions.Logging;

namespace Cms.Tenancy;

/// <summary>
/// Where a committed change to a tenant goes: the registry row's revision moves (and on PostgreSQL the change is notified
/// to every node, see <see cref="TenantChangeListener"/>), this node's registry refreshes so the tenant's runtime is
/// rebuilt, and the observers are told. Raised by the data layer when a write commits (see Data.TenantChangeInterceptor),
/// never by a page: a write that changes the site cannot forget to say so.
/// </summary>
internal sealed class TenantChanges
{
    private readonly TenantStore _store;
    private readonly TenantRegistry _registry;
    private readonly IReadOnlyList<ITenantChangeObserver> _observers;
    private readonly ILogger<TenantChanges> _logger;

    public TenantChanges(TenantStore store, TenantRegistry registry, IEnumerable<ITenantChangeObserver> observers, ILogger<TenantChanges> logger)
    {
        _store = store;
        _registry = registry;
        _observers = observers.ToArray();
        _logger = logger;
    }

    public async Task RaiseAsync(TenantChange change, CancellationToken cancellationToken)
    {
        await _store.TouchAsync(change, cancellationToken);
        await _registry.RefreshAsync(cancellationToken);
        await TellObserversAsync(change, cancellationToken);
    }

    /// <summary>
    /// After <see cref="TenantManager"/> changed the tenant's registry row (the store moved the version and notified the
    /// other nodes in the same transaction): the registry is read again here and the observers told.
    /// </summary>
    public async Task RegistryChangedAsync(string tenant, CancellationToken cancellationToken)
    {
        await _registry.RefreshAsync(cancellationToken);
        await TellObserversAsync(new TenantChange(tenant, ChangeKinds.Registry, []), cancellationToken);
    }

    /// <summary>A change another node raised, as this node's listener heard it (the registry is refreshed already).</summary>
    public Task HeardAsync(TenantChange change, CancellationToken cancellationToken) => TellObserversAsync(change, cancellationToken);

    // The change is committed whatever an observer does: one that fails is logged and the others are still told.
    private async Task TellObserversAsync(TenantChange change, CancellationToken cancellationToken)
    {
        foreach (var observer in _observers)
        {
            try
            {
                await observer.ChangedAsync(change, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogError(e, "{Observer} failed on a change of tenant {Tenant} ({Kinds})", observer.GetType().Name, change.Tenant, change.Kinds);
            }
        }
    }
}
