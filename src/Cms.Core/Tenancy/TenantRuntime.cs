using System.Collections.Concurrent;
using Cms.Content.Definitions;
using Cms.Data;
using Microsoft.EntityFrameworkCore;

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
    private long _appliedRevision;

    internal TenantRuntime(TenantSettings settings, DbContextOptions<TenantDbContext> databaseOptions, SiteSettings site, ContentDefinitions definitions, DateTimeOffset now)
    {
        Settings = settings;
        DatabaseOptions = databaseOptions;
        _site = site;
        Definitions = definitions;
        ActivatedUtc = now;
        _lastUsedTicks = now.UtcTicks;
    }

    public TenantSettings Settings { get; }

    public string Name => Settings.Name;

    /// <summary>The site settings: read at activation, read again when a change of settings is applied.</summary>
    public SiteSettings Site => _site;

    /// <summary>The tenant's content types, parts and fields as loaded at activation.</summary>
    public ContentDefinitions Definitions { get; }

    public DateTimeOffset ActivatedUtc { get; }

    internal DbContextOptions<TenantDbContext> DatabaseOptions { get; }

    internal DateTimeOffset LastUsedUtc => new(Interlocked.Read(ref _lastUsedTicks), TimeSpan.Zero);

    internal TenantDbContext CreateDbContext() => new(DatabaseOptions, Settings.Name);

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
    /// The tenant's change revision this runtime is up to date with: the registry's when it was built, then each change
    /// applied to it. A revision the registry reads past it is a change this node never heard of.
    /// </summary>
    internal long AppliedRevision => Interlocked.Read(ref _appliedRevision);

    /// <summary>Records that the runtime is up to date with this revision (never moving it back).</summary>
    internal void MarkApplied(long revision)
    {
        var seen = Interlocked.Read(ref _appliedRevision);
        while (revision > seen)
        {
            var before = Interlocked.CompareExchange(ref _appliedRevision, revision, seen);
            if (before == seen)
            {
                return;
            }

            seen = before;
        }
    }

    internal void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastUsedTicks, now.UtcTicks);
}
