using Cms.Content.Definitions;
using Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cms.Tenancy;

/// <summary>
/// What an active tenant keeps in memory between requests. Built on its first request, dropped when
/// idle or when its settings change. Later issues add the tenant's definitions, routes and templates.
/// </summary>
public sealed class TenantRuntime
{
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

    internal void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastUsedTicks, now.UtcTicks);
}
