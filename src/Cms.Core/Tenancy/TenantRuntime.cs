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
    private long _lastUsedTicks;

    internal TenantRuntime(TenantSettings settings, DbContextOptions<TenantDbContext> databaseOptions, SiteSettings site, ContentDefinitions definitions, DateTimeOffset now)
    {
        Settings = settings;
        DatabaseOptions = databaseOptions;
        Site = site;
        Definitions = definitions;
        ActivatedUtc = now;
        _lastUsedTicks = now.UtcTicks;
    }

    public TenantSettings Settings { get; }

    public string Name => Settings.Name;

    public SiteSettings Site { get; }

    /// <summary>The tenant's content types, parts and fields as loaded at activation.</summary>
    public ContentDefinitions Definitions { get; }

    public DateTimeOffset ActivatedUtc { get; }

    internal DbContextOptions<TenantDbContext> DatabaseOptions { get; }

    internal DateTimeOffset LastUsedUtc => new(Interlocked.Read(ref _lastUsedTicks), TimeSpan.Zero);

    internal TenantDbContext CreateDbContext() => new(DatabaseOptions, Settings.Name);

    /// <summary>
    /// State a module keeps for this tenant (parsed templates, a page cache), created once per runtime, so
    /// it is dropped with the runtime when the tenant goes idle or its settings, definitions or content change.
    /// </summary>
    public T State<T>(Func<TenantRuntime, T> create)
        where T : class =>
        (T)_state.GetOrAdd(typeof(T), static (_, arg) => arg.create(arg.runtime), (create, runtime: this));

    internal void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastUsedTicks, now.UtcTicks);
}
