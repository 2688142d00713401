using Cms.Data;
using Microsoft.Extensions.Logging;

namespace Cms.Tenancy;

/// <summary>
/// Where a committed change to a tenant goes: it is stored (the tenant's revisions move, and on PostgreSQL every node is
/// notified, see <see cref="TenantChangeListener"/>), this node's registry refreshes, the tenant's runtime is rebuilt if
/// the change is one it is built from (<see cref="TenantChange.RebuildsRuntime"/>) or else brought up to date in place
/// (<see cref="TenantRuntime.ApplyAsync"/>), and the observers are told. Raised by the data layer when a write commits
/// (see Data.TenantChangeInterceptor), never by a page: a write that changes the site cannot forget to say so.
/// </summary>
internal sealed class TenantChanges
{
    private readonly TenantStore _store;
    private readonly TenantRegistry _registry;
    private readonly TenantRuntimeCache _runtimes;
    private readonly IReadOnlyList<ITenantChangeObserver> _observers;
    private readonly ILogger<TenantChanges> _logger;

    public TenantChanges(TenantStore store, TenantRegistry registry, TenantRuntimeCache runtimes, IEnumerable<ITenantChangeObserver> observers, ILogger<TenantChanges> logger)
    {
        _store = store;
        _registry = registry;
        _runtimes = runtimes;
        _observers = observers.ToArray();
        _logger = logger;
    }

    public async Task RaiseAsync(TenantChange change, CancellationToken cancellationToken) =>
        await ApplyAsync(await _store.TouchAsync(change, cancellationToken), cancellationToken);

    /// <summary>
    /// After <see cref="TenantManager"/> changed the tenant's registry row (the store moved the version and notified the
    /// other nodes in the same transaction): the registry is read again here and the observers told.
    /// </summary>
    public async Task RegistryChangedAsync(string tenant, CancellationToken cancellationToken)
    {
        await _registry.RefreshAsync(cancellationToken);
        await TellObserversAsync(new TenantChange(tenant, ChangeKinds.Registry, []), cancellationToken);
    }

    /// <summary>A change another node raised, as this node's listener heard it.</summary>
    public Task HeardAsync(TenantChange change, CancellationToken cancellationToken) => ApplyAsync(change, cancellationToken);

    private async Task ApplyAsync(TenantChange change, CancellationToken cancellationToken)
    {
        // Marked first, so the registry poll reading this revision does not take it for a change never heard of.
        var runtime = _runtimes.Active(change.Tenant);
        runtime?.MarkApplied(change.Revision);

        // A change a runtime is built from drops the runtime here (its registry settings are new).
        await _registry.RefreshAsync(cancellationToken);
        if (!change.RebuildsRuntime && runtime is not null && _runtimes.Active(change.Tenant) == runtime)
        {
            try
            {
                var site = change.Kinds.HasFlag(ChangeKinds.Settings) ? await ReadSiteAsync(runtime, cancellationToken) : null;
                await runtime.ApplyAsync(change, site, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Whatever state could not be brought up to date goes with the runtime: the next request builds it afresh.
                _logger.LogError(e, "Applying a change of tenant {Tenant} ({Kinds}) to its runtime failed; the runtime is rebuilt", change.Tenant, change.Kinds);
                _runtimes.Release(change.Tenant);
            }
        }

        await TellObserversAsync(change, cancellationToken);
    }

    private static async Task<SiteSettings> ReadSiteAsync(TenantRuntime runtime, CancellationToken cancellationToken)
    {
        await using var db = runtime.CreateDbContext();
        return await TenantDocuments.GetAsync<SiteSettings>(db, SiteSettings.DocumentKey, cancellationToken) ?? new SiteSettings { SiteName = runtime.Name };
    }

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
