using System.Collections.Concurrent;
using Cms.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cms.Tenancy;

/// <summary>
/// The active tenants: built once each however many requests arrive together, at most
/// <see cref="TenancyOptions.MaxActive"/> of them, released after <see cref="TenancyOptions.IdleTimeout"/>, when their
/// registry settings change, or when the registry poll reads a change to them this node never applied (made by the CLI,
/// or by another node whose notification was lost): such a change names no items, so everything the runtime kept goes.
/// </summary>
internal sealed class TenantRuntimeCache
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TenantRuntime>>> _active = new(StringComparer.OrdinalIgnoreCase);
    private readonly TenantActivator _activator;
    private readonly TenantRegistry _registry;
    private readonly CmsDatabase _database;
    private readonly TimeProvider _time;
    private readonly IOptions<TenancyOptions> _options;
    private readonly ILogger<TenantRuntimeCache> _logger;
    private long _activations;

    public TenantRuntimeCache(TenantActivator activator, TenantRegistry registry, CmsDatabase database, TimeProvider time, IOptions<TenancyOptions> options, ILogger<TenantRuntimeCache> logger)
    {
        _activator = activator;
        _registry = registry;
        _database = database;
        _time = time;
        _options = options;
        _logger = logger;
        registry.TenantsChanged += names =>
        {
            foreach (var name in names)
            {
                Release(name);
            }
        };
    }

    public int ActiveCount => _active.Count;

    /// <summary>How many runtimes were built since start.</summary>
    public long Activations => Interlocked.Read(ref _activations);

    public bool IsActive(string name) => _active.ContainsKey(name);

    /// <summary>The tenant's runtime if one is built; null if none is, or it is still being built.</summary>
    public TenantRuntime? Active(string name) => _active.TryGetValue(name, out var entry) ? Built(entry) : null;

    public async ValueTask<TenantRuntime> GetAsync(TenantSettings settings, CancellationToken cancellationToken)
    {
        while (true)
        {
            var created = new Lazy<Task<TenantRuntime>>(() => ActivateAsync(settings));
            var entry = _active.GetOrAdd(settings.Name, created);
            TenantRuntime runtime;
            try
            {
                runtime = await entry.Value.WaitAsync(cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                _active.TryRemove(new KeyValuePair<string, Lazy<Task<TenantRuntime>>>(settings.Name, entry));
                throw;
            }

            // A runtime built from older settings is stale: drop it and build from the current ones.
            if (!ReferenceEquals(runtime.Settings, settings))
            {
                Remove(settings.Name, entry);
                continue;
            }

            runtime.Touch(_time.GetUtcNow());
            if (ReferenceEquals(entry, created))
            {
                EnforceLimit();
            }

            return runtime;
        }
    }

    /// <summary>Starts building a tenant's runtime ahead of its first request; a failure is logged and retried by that request.</summary>
    public async Task WarmUpAsync(TenantSettings settings)
    {
        try
        {
            await GetAsync(settings, CancellationToken.None);
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Warming up tenant {Tenant} failed", settings.Name);
        }
    }

    public bool Release(string name) => _active.TryGetValue(name, out var entry) && Remove(name, entry);

    /// <summary>Releases every tenant idle for longer than the configured time; returns how many.</summary>
    public int ReleaseIdle()
    {
        var cutoff = _time.GetUtcNow() - _options.Value.IdleTimeout;
        var released = 0;
        foreach (var (name, entry) in _active)
        {
            if (Built(entry)?.LastUsedUtc < cutoff)
            {
                released += Remove(name, entry) ? 1 : 0;
            }
        }

        return released;
    }

    /// <summary>
    /// Releases every tenant whose runtime was behind the registry at the last poll and still has not applied up to the
    /// revision read then: a change this node never heard of (the CLI, a notification lost with its connection). A runtime
    /// behind for one poll only is a change still being applied (a writer's update takes milliseconds), not a lost one.
    /// Run by the registry poll after it read the registry; returns how many.
    /// </summary>
    public int ReleaseBehind()
    {
        var released = 0;
        foreach (var (name, entry) in _active)
        {
            if (Built(entry) is { } runtime && runtime.IsBehind(_registry.ChangeRevisionOf(name)))
            {
                _logger.LogInformation("Tenant {Tenant} changed without this node hearing of it; its runtime is rebuilt", name);
                released += Remove(name, entry) ? 1 : 0;
            }
        }

        return released;
    }

    // The runtime of an entry whose activation has finished; entries still being built are left alone.
    private static TenantRuntime? Built(Lazy<Task<TenantRuntime>> entry) =>
        entry.IsValueCreated && entry.Value.IsCompletedSuccessfully ? entry.Value.Result : null;

    private async Task<TenantRuntime> ActivateAsync(TenantSettings settings)
    {
        Interlocked.Increment(ref _activations);

        // Read before the tenant's data is: the runtime is at least as new as this revision.
        var revision = _registry.ChangeRevisionOf(settings.Name);

        // Not the request's token: the runtime outlives the request that happened to build it.
        var runtime = await _activator.ActivateAsync(settings, CancellationToken.None);
        runtime.StartAt(revision);
        return runtime;
    }

    private void EnforceLimit()
    {
        var excess = _active.Count - _options.Value.MaxActive;
        if (excess <= 0)
        {
            return;
        }

        var oldest = _active
            .Where(e => Built(e.Value) is not null)
            .OrderBy(e => Built(e.Value)!.LastUsedUtc)
            .Take(excess)
            .ToList();
        foreach (var (name, entry) in oldest)
        {
            Remove(name, entry);
        }
    }

    private bool Remove(string name, Lazy<Task<TenantRuntime>> entry)
    {
        if (!_active.TryRemove(new KeyValuePair<string, Lazy<Task<TenantRuntime>>>(name, entry)))
        {
            return false;
        }

        if (Built(entry) is { } runtime)
        {
            _database.ReleaseConnections(runtime.DatabaseOptions);
        }

        _logger.LogInformation("Tenant {Tenant} released", name);
        return true;
    }
}
