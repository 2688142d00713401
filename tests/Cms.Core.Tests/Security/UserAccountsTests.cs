using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Core.Tests.Security;

public sealed class UserAccountsTests
{
    [Fact]
    public async Task ChecksPasswordsByCaseInsensitiveNameAndRefusesWrongOnesUnknownNamesAndDisabledUsers()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = await storage.StartAsync();
        var tenant = (await services.GetRequiredService<TenantManager>().CreateAsync(new CreateTenantRequest { Name = "ash", Prefix = "ash", AdminUserName = "ann", AdminPassword = "the-right-password" }, default)).Tenant!;
        var users = services.GetRequiredService<UserAccounts>();
        await using var db = new TenantDbContext(services.GetRequiredService<CmsDatabase>().TenantOptions(tenant), tenant.Name);
        var ann = (await UserAccounts.FindAsync(db, "ann", default))!;

        Assert.Equal(SignInStatus.Succeeded, (await users.CheckPasswordAsync(db, " ANN ", "the-right-password", default)).Status);
        Assert.Equal(SignInStatus.Failed, (await users.CheckPasswordAsync(db, "ann", "a-wrong-password", default)).Status);
        Assert.Equal(SignInStatus.Failed, (await users.CheckPasswordAsync(db, "nobody", "the-right-password", default)).Status);

        Assert.True(await UserAccounts.UpdateAsync(db, ann.Id, [Roles.Administrator], enabled: false, default));
        Assert.Equal(SignInStatus.Disabled, (await users.CheckPasswordAsync(db, "ann", "the-right-password", default)).Status);
        Assert.Equal(SignInStatus.Failed, (await users.CheckPasswordAsync(db, "ann", "a-wrong-password", default)).Status);
    }

    [Fact]
    public async Task ChangingPasswordRolesOrAccessOrSigningOutEverywhereChangesTheStampAndSavingTheSameDoesNot()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = await storage.StartAsync();
        var tenant = (await services.GetRequiredService<TenantManager>().CreateAsync(new CreateTenantRequest { Name = "elm", Prefix = "elm", AdminUserName = "eve", AdminPassword = "the-right-password" }, default)).Tenant!;
        await using var db = new TenantDbContext(services.GetRequiredService<CmsDatabase>().TenantOptions(tenant), tenant.Name);
        var id = (await UserAccounts.FindAsync(db, "eve", default))!.Id;
        var stamps = new List<string> { await StampAsync() };

        await UserAccounts.UpdateAsync(db, id, [Roles.Administrator], enabled: true, default);
        stamps.Add(await StampAsync());
        await UserAccounts.UpdateAsync(db, id, [Roles.Administrator, Roles.Editor], enabled: true, default);
        stamps.Add(await StampAsync());
        await UserAccounts.UpdateAsync(db, id, [Roles.Administrator, Roles.Editor], enabled: false, default);
        stamps.Add(await StampAsync());
        await services.GetRequiredService<UserAccounts>().ResetPasswordAsync(db, id, "another-good-password", default);
        stamps.Add(await StampAsync());
        await UserAccounts.SignOutEverywhereAsync(db, id, default);
        stamps.Add(await StampAsync());

        Assert.Equal(32, stamps[0].Length);
        Assert.Equal(stamps[0], stamps[1]);
        Assert.Equal(5, stamps.Distinct().Count());

        async Task<string> StampAsync() => (await UserAccounts.FindAsync(db, "eve", default))!.SecurityStamp;
    }
}
