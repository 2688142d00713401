using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Core.Tests.Security;

public sealed class UserAccountsTests
{
    [Fact]
    public async Task LocksAnAccountAfterRepeatedFailuresUntilTheLockoutEnds()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = storage.BuildServices();
        await services.GetRequiredService<CmsDatabase>().MigrateHostAsync(default);
        var tenant = (await services.GetRequiredService<TenantManager>().CreateAsync(new CreateTenantRequest { Name = "ash", Prefix = "ash", AdminUserName = "ann", AdminPassword = "the-right-password" }, default)).Tenant!;
        var users = services.GetRequiredService<UserAccounts>();
        await using var db = new TenantDbContext(services.GetRequiredService<CmsDatabase>().TenantOptions(tenant), tenant.Name);

        var outcomes = new List<SignInStatus>();
        for (var i = 0; i < UserAccounts.MaxFailedAttempts; i++)
        {
            outcomes.Add((await users.CheckPasswordAsync(db, "ann", "a-wrong-password", default)).Status);
        }

        var withRightPassword = await users.CheckPasswordAsync(db, "ANN", "the-right-password", default);
        storage.Time.Advance(UserAccounts.LockoutDuration + TimeSpan.FromSeconds(1));
        var afterLockout = await users.CheckPasswordAsync(db, "ann", "the-right-password", default);

        Assert.Equal([.. Enumerable.Repeat(SignInStatus.Failed, UserAccounts.MaxFailedAttempts - 1), SignInStatus.LockedOut], outcomes);
        Assert.Equal(SignInStatus.LockedOut, withRightPassword.Status);
        Assert.Equal(SignInStatus.Succeeded, afterLockout.Status);
        Assert.Equal(SignInStatus.Failed, (await users.CheckPasswordAsync(db, "nobody", "the-right-password", default)).Status);
    }
}
