using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Core.Tests.Tenancy;

public sealed class TenantRuntimeCacheTests
{
    [Fact]
    public async Task BuildsATenantOnceWhenManyRequestsArriveTogether()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = await storage.StartAsync();
        var cache = services.GetRequiredService<TenantRuntimeCache>();
        var tenant = await CreateAsync(services, "busy");

        var runtimes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () => await cache.GetAsync(tenant, default))));

        Assert.Equal(1, cache.Activations);
        Assert.All(runtimes, r => Assert.Same(runtimes[0], r));
    }

    [Fact]
    public async Task ReleasesIdleTenantsAndRebuildsThemOnTheNextRequest()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = await StartAsync(storage, new() { ["Cms:Tenants:IdleTimeout"] = "00:10:00" });
        var cache = services.GetRequiredService<TenantRuntimeCache>();
        var quiet = await CreateAsync(services, "quiet");
        var lively = await CreateAsync(services, "lively");
        var first = await cache.GetAsync(quiet, default);
        await cache.GetAsync(lively, default);

        storage.Time.Advance(TimeSpan.FromMinutes(6));
        await cache.GetAsync(lively, default);
        storage.Time.Advance(TimeSpan.FromMinutes(6));
        var released = cache.ReleaseIdle();

        Assert.Equal(1, released);
        Assert.False(cache.IsActive("quiet"));
        Assert.True(cache.IsActive("lively"));
        var rebuilt = await cache.GetAsync(quiet, default);
        Assert.NotSame(first, rebuilt);
        Assert.Equal(3, cache.Activations);
    }

    [Fact]
    public async Task KeepsAtMostTheConfiguredNumberActiveReleasingTheLeastRecentlyUsed()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = await StartAsync(storage, new() { ["Cms:Tenants:MaxActive"] = "2" });
        var cache = services.GetRequiredService<TenantRuntimeCache>();
        var tenants = new List<TenantSettings>();
        foreach (var name in new[] { "one", "two", "three" })
        {
            tenants.Add(await CreateAsync(services, name));
        }

        await cache.GetAsync(tenants[0], default);
        storage.Time.Advance(TimeSpan.FromSeconds(1));
        await cache.GetAsync(tenants[1], default);
        storage.Time.Advance(TimeSpan.FromSeconds(1));
        await cache.GetAsync(tenants[0], default);
        storage.Time.Advance(TimeSpan.FromSeconds(1));
        await cache.GetAsync(tenants[2], default);

        Assert.Equal(2, cache.ActiveCount);
        Assert.True(cache.IsActive("one"));
        Assert.False(cache.IsActive("two"));
        Assert.True(cache.IsActive("three"));
    }

    [Fact]
    public async Task RebuildsATenantWhoseSettingsChanged()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = await storage.StartAsync();
        var cache = services.GetRequiredService<TenantRuntimeCache>();
        var registry = services.GetRequiredService<TenantRegistry>();
        await CreateAsync(services, "moving");
        var before = await cache.GetAsync(registry.Table.FindByName("moving")!, default);

        await services.GetRequiredService<TenantStore>().UpdateAsync(before.Settings, before.Settings with { Hosts = ["moving.example.com"] }, default);
        await registry.RefreshAsync(default);
        var after = await cache.GetAsync(registry.Table.FindByName("moving")!, default);

        Assert.NotSame(before, after);
        Assert.Equal(["moving.example.com"], after.Settings.Hosts);
    }

    [Fact]
    public async Task KeepsTheSameSettingsObjectForTenantsThatDidNotChange()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = await storage.StartAsync();
        var registry = services.GetRequiredService<TenantRegistry>();
        await CreateAsync(services, "steady");
        var steady = registry.Table.FindByName("steady");

        await CreateAsync(services, "newcomer");

        Assert.Same(steady, registry.Table.FindByName("steady"));
        Assert.NotNull(registry.Table.FindByName("newcomer"));
    }

    private static async Task<ServiceProvider> StartAsync(TestStorage storage, Dictionary<string, string?>? settings = null)
    {
        var services = storage.BuildServices(settings);
        await services.GetRequiredService<CmsDatabase>().MigrateHostAsync(default);
        await services.GetRequiredService<TenantRegistry>().RefreshAsync(default);
        return services;
    }

    private static async Task<TenantSettings> CreateAsync(IServiceProvider services, string name)
    {
        var result = await services.GetRequiredService<TenantManager>().CreateAsync(new CreateTenantRequest { Name = name, Prefix = name }, default);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return services.GetRequiredService<TenantRegistry>().Table.FindByName(name)!;
    }
}
