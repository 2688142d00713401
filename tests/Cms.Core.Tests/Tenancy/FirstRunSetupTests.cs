using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Core.Tests.Tenancy;

public sealed class FirstRunSetupTests
{
    [Fact]
    public async Task SetsUpTheHostAndTheDemoPracticeWithAGeneratedPasswordOnce()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = storage.BuildServices();
        await services.GetRequiredService<CmsDatabase>().MigrateHostAsync(default);
        var setup = services.GetRequiredService<FirstRunSetup>();

        var first = await setup.RunAsync(default);
        var second = await setup.RunAsync(default);

        Assert.NotNull(first);
        Assert.Null(second);
        var password = first.GeneratedPassword;
        Assert.NotNull(password);
        Assert.Equal(20, password.Length);
        var tenants = await services.GetRequiredService<TenantManager>().ListAsync(default);
        Assert.Equal(["Default", "riverbend"], tenants.Select(t => t.Name));
        var demo = tenants[1];
        Assert.Equal("riverbend", demo.Prefix);
        Assert.Equal(["riverbend.localhost"], demo.Hosts);
        Assert.Equal("practice", demo.RecipeName);
        foreach (var tenant in tenants)
        {
            await using var db = new TenantDbContext(services.GetRequiredService<CmsDatabase>().TenantOptions(tenant), tenant.Name);
            var outcome = await services.GetRequiredService<UserAccounts>().CheckPasswordAsync(db, "admin", password, default);
            Assert.Equal(SignInStatus.Succeeded, outcome.Status);
            Assert.Equal(Roles.Administrator, outcome.User!.Roles);
        }
    }

    [Fact]
    public async Task UsesTheConfiguredPasswordAndPrintsNone()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = storage.BuildServices(new Dictionary<string, string?> { ["Cms:Setup:AdminPassword"] = "configured-password", ["Cms:Setup:DemoTenant"] = "" });
        await services.GetRequiredService<CmsDatabase>().MigrateHostAsync(default);

        var result = await services.GetRequiredService<FirstRunSetup>().RunAsync(default);

        Assert.Null(result!.GeneratedPassword);
        Assert.Null(result.Demo);
        Assert.Equal(["Default"], (await services.GetRequiredService<TenantManager>().ListAsync(default)).Select(t => t.Name));
    }
}
