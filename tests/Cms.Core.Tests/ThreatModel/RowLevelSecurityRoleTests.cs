using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cms.Core.Tests.ThreatModel;

/// <summary>
/// Issue 10, item 9: on PostgreSQL the host refuses a role to which row-level security does not apply, and with a
/// migration role that owns the tables the role it runs as cannot switch row-level security off.
/// </summary>
[Trait("Suite", "ThreatModel")]
public sealed class RowLevelSecurityRoleTests
{
    private const string AllowBypass = "Cms:Database:AllowRowLevelSecurityBypass";

    [SkippableFact]
    public async Task ARoleThatBypassesRowLevelSecurityIsRefusedBeforeAnythingIsWritten()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Postgres);
        var bypass = await BypassRoleAsync(storage.Postgres!);
        await using var services = storage.BuildServices(new Dictionary<string, string?> { ["Cms:Database:ConnectionString"] = bypass });

        var refused = await Assert.ThrowsAsync<SettingsProblemException>(() => services.GetRequiredService<CmsDatabase>().MigrateHostAsync(default));

        Assert.Contains("'cms_ci_bypass'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("BYPASSRLS", refused.Message, StringComparison.Ordinal);
        Assert.Contains(AllowBypass + "=true", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
        Assert.Equal(0L, await ScalarAsync(storage.ConnectionString!, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"));
    }

    [SkippableFact]
    public async Task WithTheSettingARoleThatBypassesRowLevelSecurityMayRun()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Postgres);
        var bypass = await BypassRoleAsync(storage.Postgres!);
        await using var services = await storage.StartAsync(new Dictionary<string, string?> { ["Cms:Database:ConnectionString"] = bypass, [AllowBypass] = "true" });

        var created = await services.GetRequiredService<TenantManager>().CreateAsync(new CreateTenantRequest { Name = "alpha", Prefix = "alpha" }, default);

        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
    }

    [SkippableFact]
    public async Task TheRuntimeRoleOfASplitSetUpCannotSwitchRowLevelSecurityOffNorReachAnotherTenantsRows()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Postgres);
        var runtime = storage.Postgres!.ConnectionStringAs(PostgresTestDatabase.RuntimeRoleVariable);
        await using var services = await storage.StartAsync(new Dictionary<string, string?>
        {
            ["Cms:Database:ConnectionString"] = runtime,
            ["Cms:Database:MigrationConnectionString"] = storage.ConnectionString,
        });
        var manager = services.GetRequiredService<TenantManager>();
        foreach (var (name, user) in new[] { ("alpha", "ann"), ("beta", "bob"), ("gamma", "gil") })
        {
            var created = await manager.CreateAsync(new CreateTenantRequest { Name = name, Prefix = name, AdminUserName = user, AdminPassword = "a-long-password" }, default);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        }

        // Removal works as the runtime role too: it finds the tenant tables in the catalog and deletes rows.
        Assert.True((await manager.RemoveAsync("gamma", default)).Succeeded);

        await using var connection = new NpgsqlConnection(runtime);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"SELECT set_config('{TenantSessionInterceptor.SettingName}', 'alpha', false)");
        foreach (var sql in new[]
        {
            """ALTER TABLE "Users" DISABLE ROW LEVEL SECURITY""",
            """ALTER TABLE "Users" NO FORCE ROW LEVEL SECURITY""",
            """DROP POLICY tenant_isolation ON "Users" """,
            """ALTER TABLE "Users" OWNER TO CURRENT_USER""",
            """TRUNCATE "Users" """,
        })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, sql));
            Assert.True(refused.SqlState == PostgresErrorCodes.InsufficientPrivilege, $"{sql}: {refused.SqlState} {refused.MessageText}");
        }

        Assert.Equal(1L, await ScalarAsync(connection, """SELECT count(*) FROM "Users" """));
        Assert.Equal(0L, await ScalarAsync(connection, """SELECT count(*) FROM "Users" WHERE "TenantId" = 'beta'"""));
        Assert.Equal(0, await ExecuteAsync(connection, """UPDATE "Users" SET "TenantId" = 'alpha' WHERE "TenantId" = 'beta'"""));
        Assert.Equal(0, await ExecuteAsync(connection, """DELETE FROM "Users" WHERE "TenantId" = 'beta'"""));
        Assert.Equal(1L, await ScalarAsync(storage.ConnectionString!, """SELECT count(*) FROM "Users" WHERE "TenantId" = 'beta'""", tenant: "beta"));
    }

    [SkippableFact]
    public async Task ASplitSetUpWhoseRuntimeRoleStillOwnsTheTablesIsRefused()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Postgres);
        await using var services = storage.BuildServices(new Dictionary<string, string?> { ["Cms:Database:MigrationConnectionString"] = storage.ConnectionString });

        var refused = await Assert.ThrowsAsync<SettingsProblemException>(() => services.GetRequiredService<CmsDatabase>().MigrateHostAsync(default));

        Assert.Contains("'cms_ci'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("owns the tables", refused.Message, StringComparison.Ordinal);
        Assert.Contains("REASSIGN OWNED", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false, false, null)]
    [InlineData(true, false, false, "'cms_x', a superuser,")]
    [InlineData(false, true, false, "'cms_x', a role with BYPASSRLS,")]
    [InlineData(true, true, false, "'cms_x', a superuser,")]
    [InlineData(true, false, true, null)]
    [InlineData(false, true, true, null)]
    public void RefusesASuperuserOrABypassRoleUnlessTheSettingAllowsIt(bool superuser, bool bypass, bool allowed, string? expected)
    {
        var refusal = new PostgresRole("cms_x", superuser, bypass).Refusal(allowed);

        if (expected is null)
        {
            Assert.Null(refusal);
        }
        else
        {
            Assert.Contains(expected, refusal, StringComparison.Ordinal);
            Assert.Contains(AllowBypass + "=true", refusal, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task ReadsWhatTheServerSaysOfTheRolesItRunsAs()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();

        var ci = await RoleAsync(database.ConnectionString);
        var bypass = await RoleAsync(database.ConnectionStringAs(PostgresTestDatabase.BypassRoleVariable));

        Assert.Equal(new PostgresRole(new NpgsqlConnectionStringBuilder(database.ConnectionString).Username!, false, false), ci);
        Assert.Null(ci.Refusal(bypassAllowed: false));
        Assert.Equal(new PostgresRole("cms_ci_bypass", false, true), bypass);
        Assert.NotNull(bypass.Refusal(bypassAllowed: false));
    }

    [SkippableFact]
    public async Task ARoleThatOwnsTheTablesIsToldApartFromOneThatOnlyReadsAndWritesRows()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Postgres);
        var runtime = storage.Postgres!.ConnectionStringAs(PostgresTestDatabase.RuntimeRoleVariable);
        await using var services = await storage.StartAsync(new Dictionary<string, string?>
        {
            ["Cms:Database:ConnectionString"] = runtime,
            ["Cms:Database:MigrationConnectionString"] = storage.ConnectionString,
        });

        Assert.True(await OwnsAsync(storage.ConnectionString!));
        Assert.False(await OwnsAsync(runtime));
    }

    private static async Task<PostgresRole> RoleAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await PostgresRole.ReadAsync(connection, default);
    }

    private static async Task<bool> OwnsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return await PostgresRole.OwnsRowSecuredTablesAsync(connection, default);
    }

    /// <summary>The BYPASSRLS role on the test's database, allowed to create tables there, as an owner could.</summary>
    private static async Task<string> BypassRoleAsync(PostgresTestDatabase database)
    {
        var bypass = database.ConnectionStringAs(PostgresTestDatabase.BypassRoleVariable);
        await using var owner = new NpgsqlConnection(database.ConnectionString);
        await owner.OpenAsync();
        await ExecuteAsync(owner, $"GRANT CREATE ON SCHEMA public TO {new NpgsqlConnectionStringBuilder(bypass).Username}");
        return bypass;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql, string? tenant = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        if (tenant is not null)
        {
            await ExecuteAsync(connection, $"SELECT set_config('{TenantSessionInterceptor.SettingName}', '{tenant}', false)");
        }

        return await ScalarAsync(connection, sql);
    }
}
