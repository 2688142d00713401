using Microsoft.Extensions.Logging;

namespace Cms.Tenancy;

/// <summary>
/// The in-memory copy of the tenant registry that requests are resolved against. It reloads only when
/// the registry's version has moved, and keeps the same settings object for a tenant that did not
/// change, so a runtime built from it stays valid.
/// </summary>
internal sealed class TenantRegistry : IDisposable
{
    private readonly TenantStore _store;
    private readonly ILogger<TenantRegistry> _logger;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private volatile TenantTable _table = TenantTable.Empty;
    private volatile Dictionary<string, long> _changeRevisions = new(StringComparer.OrdinalIgnoreCase);

    public TenantRegistry(TenantStore store, ILogger<TenantRegistry> logger)
    {
        _store = store;
        _logger = logger;
    }

    public TenantTable Table => _table;

    /// <summary>The tenant's change revision as last read (0 for a tenant not read yet).</summary>
    public long ChangeRevisionOf(string name) => _changeRevisions.GetValueOrDefault(name);

    /// <summary>Raised after a reload with the tenants whose settings changed or that were removed.</summary>
    public event Action<IReadOnlyList<string>>? TenantsChanged;

    public void Dispose() => _refreshLock.Dispose();

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshLock.WaitAsync(cancellationToken);
        try
        {
            var version = await _store.GetVersionAsync(cancellationToken);
            var previous = _table;
            if (version == previous.Version && previous != TenantTable.Empty)
            {
                return;
            }

            var changed = new List<string>();
            var tenants = new List<TenantSettings>();
            var revisions = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
            foreach (var loaded in await _store.ListAsync(cancellationToken))
            {
                revisions[loaded.Name] = loaded.ChangeRevision;
                var old = previous.FindByName(loaded.Name);
                if (old is not null && old.Equals(loaded))
                {
                    // The same object, so the runtime built from it stays; the revision read is kept beside it.
                    tenants.Add(old);
                    continue;
                }

                tenants.Add(loaded);
                if (old is not null)
                {
                    changed.Add(loaded.Name);
                }
            }

            var table = new TenantTable(tenants, version);
            changed.AddRange(previous.Tenants.Where(t => table.FindByName(t.Name) is null).Select(t => t.Name));
            _table = table;
            _changeRevisions = revisions;
            _logger.LogInformation("Tenant registry loaded: {Count} tenants, version {Version}", tenants.Count, version);
            if (changed.Count > 0)
            {
                TenantsChanged?.Invoke(changed);
            }
        }
        finally
        {
            _refreshLock.Release();
        }
    }
}
