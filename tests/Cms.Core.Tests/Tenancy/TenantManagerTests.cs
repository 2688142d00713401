using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Core.Tests.Tenancy;

public sealed class TenantManagerTests : IAsyncLifetime
{
    private TestStorage _storage = null!;
    private ServiceProvider _services = null!;

    private TenantManager Manager => _services.GetRequiredService<TenantManager>();

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.CreateAsync(DatabaseProvider.Sqlite);
        _services = _storage.BuildServices();
        await _services.GetRequiredService<CmsDatabase>().MigrateHostAsync(default);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _storage.DisposeAsync();
    }

    [Fact]
    public async Task ReportsEveryProblemOfARequestAtOnceAndWritesNothing()
    {
        var result = await Manager.CreateAsync(
            new CreateTenantRequest { Name = "bad name", Hosts = ["https://x.example.com"], Prefix = "api", RecipeName = "no-such-recipe", AdminUserName = "ann", AdminPassword = "short" },
            default);

        Assert.Equal(TenantFailure.Invalid, result.Failure);
        Assert.Collection(
            result.Errors,
            e => Assert.Contains("name 'bad name' may contain only", e, StringComparison.Ordinal),
            e => Assert.Contains("without scheme, port or path", e, StringComparison.Ordinal),
            e => Assert.Contains("prefix 'api' is used by the host", e, StringComparison.Ordinal),
            e => Assert.Contains("no recipe named 'no-such-recipe'. Setup recipes: practice", e, StringComparison.Ordinal),
            e => Assert.Contains("at least 10 characters", e, StringComparison.Ordinal));
        Assert.Empty(await Manager.ListAsync(default));
        Assert.False(Directory.Exists(Path.Combine(_storage.DataPath, "Sites")));
    }

    [Theory]
    [InlineData(null, null, "at least one host name or a URL prefix")]
    [InlineData("ann", null, "both the administrator's user name and password, or neither")]
    public async Task ExplainsWhatIsMissing(string? adminUser, string? adminPassword, string expected)
    {
        var result = await Manager.CreateAsync(new CreateTenantRequest { Name = "lonely", Prefix = adminUser is null ? null : "lonely", AdminUserName = adminUser, AdminPassword = adminPassword }, default);

        Assert.Equal(TenantFailure.Invalid, result.Failure);
        Assert.Contains(expected, Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatesARunningTenantWithItsOwnDatabaseFile()
    {
        var result = await Manager.CreateAsync(new CreateTenantRequest { Name = "cedar", Hosts = ["Cedar.Example.com"], Prefix = "/Cedar/", RecipeName = "practice" }, default);

        Assert.True(result.Succeeded);
        Assert.Equal(TenantState.Running, result.Tenant!.State);
        Assert.Equal(["cedar.example.com"], result.Tenant.Hosts);
        Assert.Equal("cedar", result.Tenant.Prefix);
        Assert.True(File.Exists(Path.Combine(_storage.DataPath, "Sites", "cedar", "cms.db")));
        Assert.Equal(TenantState.Running, (await Manager.FindAsync("cedar", default))!.State);
    }

    [Fact]
    public async Task DisablesAndEnablesATenant()
    {
        await Manager.CreateAsync(new CreateTenantRequest { Name = "birch", Prefix = "birch" }, default);

        var disabled = await Manager.DisableAsync("birch", default);
        var enabledAgain = await Manager.EnableAsync("BIRCH", default);

        Assert.Equal(TenantState.Disabled, disabled.Tenant!.State);
        Assert.Equal(TenantState.Running, enabledAgain.Tenant!.State);
        Assert.Equal(TenantFailure.NotFound, (await Manager.DisableAsync("nobody", default)).Failure);
    }

    [Fact]
    public async Task NeverDisablesOrRemovesTheHostTenant()
    {
        await Manager.CreateAsync(new CreateTenantRequest { Name = "Default" }, default);

        Assert.Equal(TenantFailure.Invalid, (await Manager.DisableAsync("Default", default)).Failure);
        Assert.Equal(TenantFailure.Invalid, (await Manager.RemoveAsync("default", default)).Failure);
        Assert.NotNull(await Manager.FindAsync("Default", default));
    }

    [Fact]
    public async Task RemovingDeletesTheTenantsFolder()
    {
        await Manager.CreateAsync(new CreateTenantRequest { Name = "elm", Prefix = "elm" }, default);

        var removed = await Manager.RemoveAsync("elm", default);

        Assert.True(removed.Succeeded);
        Assert.False(Directory.Exists(Path.Combine(_storage.DataPath, "Sites", "elm")));
        Assert.Null(await Manager.FindAsync("elm", default));
    }

    [Fact]
    public async Task ChangingAnAddressIsCheckedAsOnCreationAndARefusalChangesNothing()
    {
        await Manager.CreateAsync(new CreateTenantRequest { Name = "alder", Hosts = ["alder.example.com"], Prefix = "alder" }, default);
        await Manager.CreateAsync(new CreateTenantRequest { Name = "birch", Hosts = ["birch.example.com"], Prefix = "birch" }, default);
        var before = await Manager.FindAsync("alder", default);

        var clash = await Manager.ChangeAddressAsync("alder", new TenantAddress { Hosts = ["alder.example.com", "Birch.Example.com"], Prefix = "/Birch/" }, default);
        var invalid = await Manager.ChangeAddressAsync("alder", new TenantAddress { Hosts = ["http://alder.example.com"], Prefix = "login" }, default);
        var nowhere = await Manager.ChangeAddressAsync("alder", new TenantAddress(), default);

        Assert.Equal(TenantFailure.Conflict, clash.Failure);
        Assert.Equal(["The host 'birch.example.com' already belongs to tenant 'birch'.", "The prefix 'birch' already belongs to tenant 'birch'."], clash.Errors);
        Assert.Equal(TenantFailure.Invalid, invalid.Failure);
        Assert.Equal(2, invalid.Errors.Count);
        Assert.Contains("at least one host name or a URL prefix", Assert.Single(nowhere.Errors), StringComparison.Ordinal);
        Assert.Equal(before, await Manager.FindAsync("alder", default));
        Assert.Equal(TenantFailure.NotFound, (await Manager.ChangeAddressAsync("nobody", new TenantAddress { Prefix = "nobody" }, default)).Failure);
    }

    [Fact]
    public async Task ANewAddressIsInTheRegistryWhenTheChangeReturns()
    {
        var registry = _services.GetRequiredService<TenantRegistry>();
        await Manager.CreateAsync(new CreateTenantRequest { Name = "alder", Hosts = ["alder.example.com"], Prefix = "alder" }, default);

        var changed = await Manager.ChangeAddressAsync("alder", new TenantAddress { Hosts = ["alder.example.com", "www.alder.example.com"], Prefix = "alder-grove" }, default);

        Assert.True(changed.Succeeded);
        Assert.Equal("alder", registry.Table.FindByPrefix("alder-grove")?.Name);
        Assert.Null(registry.Table.FindByPrefix("alder"));
        Assert.Equal("alder", registry.Table.FindByHost("www.alder.example.com")?.Name);
    }

    [Fact]
    public async Task NeverChangesTheHostTenantsAddress()
    {
        await Manager.CreateAsync(new CreateTenantRequest { Name = "Default" }, default);

        Assert.Equal(TenantFailure.Invalid, (await Manager.ChangeAddressAsync("Default", new TenantAddress { Prefix = "host" }, default)).Failure);
        Assert.Null((await Manager.FindAsync("Default", default))!.Prefix);
    }
}
