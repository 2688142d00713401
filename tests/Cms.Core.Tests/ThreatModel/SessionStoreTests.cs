using System.Security.Claims;
using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Core.Tests.ThreatModel;

/// <summary>
/// Issue 10, item 6: the server-side half of a sign-in (security stamp, ended sessions) on both databases: an ended
/// session stays ended on every node, a changed stamp is seen within a minute, and the migration keeps existing users.
/// </summary>
[Trait("Suite", "ThreatModel")]
public abstract class SessionStoreTests
{
    private const string PreviousMigration = "20261125000007_TenantListIndexes";

    protected abstract DatabaseProvider Provider { get; }

    [SkippableFact]
    public async Task AnEndedSessionIsRefusedOnEveryNodeAndTheUsersOtherSessionsAreNot()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var (tenant, user) = await CreateAsync(services, "oak", "ann");
        var sessions = services.GetRequiredService<UserSessions>();
        var ended = CmsAuthentication.CreatePrincipal(user, tenant.Name, UserSessions.NewId());
        var kept = CmsAuthentication.CreatePrincipal(user, tenant.Name, UserSessions.NewId());
        Assert.True(await sessions.IsCurrentAsync(tenant, ended, default));

        await sessions.EndAsync(tenant, ended, TimeSpan.FromHours(8), default);

        Assert.False(await sessions.IsCurrentAsync(tenant, ended, default));
        Assert.True(await sessions.IsCurrentAsync(tenant, kept, default));

        // Another node over the same data: its own services and runtime, nothing cached.
        await using var otherNode = storage.BuildServices();
        var settings = (await otherNode.GetRequiredService<TenantManager>().FindAsync(tenant.Name, default))!;
        var there = await otherNode.GetRequiredService<TenantRuntimeCache>().GetAsync(settings, default);
        Assert.False(await otherNode.GetRequiredService<UserSessions>().IsCurrentAsync(there, ended, default));
        Assert.True(await otherNode.GetRequiredService<UserSessions>().IsCurrentAsync(there, kept, default));
    }

    [SkippableFact]
    public async Task AStampChangedOnAnotherNodeEndsTheSessionWithinAMinuteWithoutAReadPerRequest()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var (tenant, user) = await CreateAsync(services, "elm", "eve");
        var sessions = services.GetRequiredService<UserSessions>();
        var principal = CmsAuthentication.CreatePrincipal(user, tenant.Name, UserSessions.NewId());
        Assert.True(await sessions.IsCurrentAsync(tenant, principal, default));

        // Changed by another node: this one is not told (no registry poll runs here), so only the stamp check can see it.
        await using (var otherNode = storage.BuildServices())
        {
            var settings = (await otherNode.GetRequiredService<TenantManager>().FindAsync(tenant.Name, default))!;
            await using var db = (await otherNode.GetRequiredService<TenantRuntimeCache>().GetAsync(settings, default)).CreateDbContext();
            Assert.True(await UserAccounts.SignOutEverywhereAsync(db, user.Id, default));
        }

        storage.Time.Advance(TimeSpan.FromSeconds(50));
        Assert.True(await sessions.IsCurrentAsync(tenant, principal, default));
        storage.Time.Advance(TimeSpan.FromSeconds(11));
        Assert.False(await sessions.IsCurrentAsync(tenant, principal, default));
    }

    [SkippableFact]
    public async Task ASignInWithoutAStampOrSessionOrForAnotherUserIsNotCurrent()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var (tenant, user) = await CreateAsync(services, "ash", "amy");
        var sessions = services.GetRequiredService<UserSessions>();
        var issued = CmsAuthentication.CreatePrincipal(user, tenant.Name, UserSessions.NewId());

        var withoutStamp = Without(issued, CmsClaims.SecurityStamp);
        var withoutSession = Without(issued, CmsClaims.Session);
        var unknownUser = new ClaimsPrincipal(new ClaimsIdentity(issued.Claims.Select(c => c.Type == ClaimTypes.NameIdentifier ? new Claim(c.Type, "no-such-user") : c), "cms"));

        Assert.True(await sessions.IsCurrentAsync(tenant, issued, default));
        Assert.False(await sessions.IsCurrentAsync(tenant, withoutStamp, default));
        Assert.False(await sessions.IsCurrentAsync(tenant, withoutSession, default));
        Assert.False(await sessions.IsCurrentAsync(tenant, unknownUser, default));
    }

    [SkippableFact]
    public async Task TheMigrationKeepsExistingUsersAbleToSignInAndKeepsEndedSessionsToTheirTenant()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = storage.BuildServices();
        var database = services.GetRequiredService<CmsDatabase>();
        var pine = new TenantSettings("pine", TenantState.Running, [], "pine", null, null, storage.Time.GetUtcNow());
        Directory.CreateDirectory(database.TenantFolder(pine.Name));

        // An install from before this change: its tenant schema at the previous migration, with a user in it.
        await using (var db = new TenantDbContext(database.TenantOptions(pine), pine.Name))
        {
            await db.GetService<IMigrator>().MigrateAsync(PreviousMigration);
            var hash = new PasswordHasher<UserRecord>().HashPassword(null!, "an-older-password");
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Users" ("TenantId", "Id", "UserName", "NormalizedUserName", "PasswordHash", "Roles", "IsEnabled", "AccessFailedCount", "CreatedUtc")
                VALUES ('pine', 'olduser', 'old', 'OLD', {hash}, 'Editor', {true}, 0, {storage.Time.GetUtcNow()})
                """);
            await db.Database.MigrateAsync();
        }

        await using (var db = new TenantDbContext(database.TenantOptions(pine), pine.Name))
        {
            Assert.Equal(SignInStatus.Succeeded, (await services.GetRequiredService<UserAccounts>().CheckPasswordAsync(db, "old", "an-older-password", default)).Status);
            db.RevokedSessions.Add(new RevokedSessionRecord { TenantId = pine.Name, SessionId = UserSessions.NewId(), ExpiresUtc = DateTime.UtcNow.AddHours(1) });
            await db.SaveChangesAsync();
            Assert.Equal(1, await db.RevokedSessions.CountAsync());
        }

        if (Provider == DatabaseProvider.Postgres)
        {
            // Row-level security on the new table: another tenant sees none of pine's rows even without the query filter.
            await using var spruce = new TenantDbContext(database.TenantOptions(pine with { Name = "spruce" }), "spruce");
            Assert.Equal(0, await spruce.RevokedSessions.IgnoreQueryFilters().CountAsync());
        }
    }

    private static ClaimsPrincipal Without(ClaimsPrincipal principal, string claimType) =>
        new(new ClaimsIdentity(principal.Claims.Where(c => c.Type != claimType), "cms"));

    private static async Task<(TenantRuntime Tenant, UserRecord User)> CreateAsync(ServiceProvider services, string name, string admin)
    {
        var created = await services.GetRequiredService<TenantManager>().CreateAsync(new CreateTenantRequest { Name = name, Prefix = name, AdminUserName = admin, AdminPassword = "a-long-password-1" }, default);
        var tenant = await services.GetRequiredService<TenantRuntimeCache>().GetAsync(created.Tenant!, default);
        await using var db = tenant.CreateDbContext();
        return (tenant, (await UserAccounts.FindAsync(db, admin, default))!);
    }
}

public sealed class SqliteSessionStoreTests : SessionStoreTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresSessionStoreTests : SessionStoreTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
