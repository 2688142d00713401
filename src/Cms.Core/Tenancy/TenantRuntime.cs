using System.Collections.Concurrent;
using Cms.Content.Definitions;
using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Cms.Tenancy;

/// <summary>
/// What an active tenant keeps in memory between requests. Built on its first request, dropped when
/// idle or when its settings change. Modules keep their own per-tenant state in it (<see cref="State{T}"/>).
/// </summary>
public sealed class TenantRuntime
{
    private readonly ConcurrentDictionary<Type, object> _state = new();
    private volatile SiteSettings _site;
    private long _lastUsedTicks;
    private readonly SortedSet<long> _revisions = [];
    private long _appliedRevision;
    private long _behindAt;

    // Contexts kept for reuse by this tenant: enough for the requests two cores serve at once, not a pool per thread.
    private const int ContextPoolSize = 16;
    private readonly PooledDbContextFactory<TenantDbContext> _contexts;

    internal TenantRuntime(TenantSettings settings, DbContextOptions<TenantDbContext> databaseOptions, SiteSettings site, ContentDefinitions definitions, IReadOnlySet<string> features, DateTimeOffset now)
    {
        Settings = settings;
        DatabaseOptions = databaseOptions;
        _contexts = new PooledDbContextFactory<TenantDbContext>(databaseOptions, ContextPoolSize);
        _site = site;
        Definitions = definitions;
        Features = features;
        ActivatedUtc = now;
        _lastUsedTicks = now.UtcTicks;
    }

    public TenantSettings Settings { get; }

    public string Name => Settings.Name;

    /// <summary>The tenant as people are shown it: its site name, and "Host administration" for the host's own.</summary>
    public string DisplayName => Settings.IsDefault ? TenantSettings.HostDisplayName : Site.SiteName;

    /// <summary>The site settings: read at activation, read again when a change of settings is applied.</summary>
    public SiteSettings Site => _site;

    /// <summary>The tenant's content types, parts and fields as loaded at activation.</summary>
    public ContentDefinitions Definitions { get; }

    public DateTimeOffset ActivatedUtc { get; }

    /// <summary>The features on for this tenant as loaded at activation (a change of them rebuilds the runtime).</summary>
    public IReadOnlySet<string> Features { get; }

    /// <summary>Whether a module's feature is on for this tenant.</summary>
    public bool Has(string feature) => Features.Contains(feature);

    internal DbContextOptions<TenantDbContext> DatabaseOptions { get; }

    internal DateTimeOffset LastUsedUtc => new(Interlocked.Read(ref _lastUsedTicks), TimeSpan.Zero);

    /// <summary>
    /// A context on the tenant's data from the runtime's pool: making one (its services, its state manager) was an
    /// eighth of an uncached page's CPU in a trace (issue 12, item 4). Disposing it returns it to the pool.
    /// </summary>
    public TenantDbContext CreateDbContext() => _contexts.CreateDbContext().Leased(Settings.Name);

    /// <summary>
    /// State a module keeps for this tenant (parsed templates, a page cache), created once per runtime and dropped with
    /// it (idle, or definitions, features or the registry row changed). Any other committed change drops the state too,
    /// unless it is an <see cref="IChangeAwareState"/>, which is told the change and brings itself up to date.
    /// </summary>
    public T State<T>(Func<TenantRuntime, T> create)
        where T : class =>
        (T)_state.GetOrAdd(typeof(T), static (_, arg) => arg.create(arg.runtime), (create, runtime: this));

    /// <summary>The state of this type if it was created, without creating it.</summary>
    internal T? Peek<T>()
        where T : class => _state.TryGetValue(typeof(T), out var state) ? (T)state : null;

    /// <summary>
    /// Brings the runtime up to date with a committed change that does not rebuild it: the site settings when given,
    /// and every piece of state (told if it is change-aware, dropped if not, so none can go stale by forgetting).
    /// </summary>
    internal async Task ApplyAsync(TenantChange change, SiteSettings? site, CancellationToken cancellationToken)
    {
        if (site is not null)
        {
            _site = site;
        }

        foreach (var (type, state) in _state)
        {
            if (state is IChangeAwareState aware)
            {
                await aware.ChangedAsync(change, cancellationToken);
            }
            else
            {
                _state.TryRemove(new KeyValuePair<Type, object>(type, state));
            }
        }
    }

    /// <summary>
    /// The tenant's change revision this runtime is up to date with, without a gap: the registry's when it was built,
    /// then each change applied to it in turn. A revision the registry reads past it is a change this node never applied.
    /// </summary>
    internal long AppliedRevision
    {
        get
        {
            lock (_revisions)
            {
                return _appliedRevision;
            }
        }
    }

    /// <summary>
    /// Records that the runtime applied the change of this revision. Revisions move one per change, so one applied ahead
    /// of a change not applied (lost with a notification, or still being applied by another writer) waits above the gap,
    /// and the applied revision moves past the gap only once that change is applied too.
    /// </summary>
    internal void MarkApplied(long revision)
    {
        lock (_revisions)
        {
            if (revision <= _appliedRevision)
            {
                return;
            }

            _revisions.Add(revision);
            while (_revisions.Remove(_appliedRevision + 1))
            {
                _appliedRevision++;
            }
        }
    }

    /// <summary>
    /// Whether the runtime is behind the registry's revision now and was already behind the revision read at the last
    /// check, without having applied up to it since: the change was missed, not slow. Called once per registry poll.
    /// </summary>
    internal bool IsBehind(long registryRevision)
    {
        lock (_revisions)
        {
            var missed = _behindAt > _appliedRevision;
            _behindAt = registryRevision > _appliedRevision ? registryRevision : 0;
            return missed;
        }
    }

    /// <summary>Where a new runtime starts: everything up to this revision is in what it read.</summary>
    internal void StartAt(long revision)
    {
        lock (_revisions)
        {
            _appliedRevision = revision;
        }
    }

    internal void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastUsedTicks, now.UtcTicks);
}
