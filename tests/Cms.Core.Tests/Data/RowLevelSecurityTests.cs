using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cms.Core.Tests.Data;

/// <summary>PostgreSQL's second wall: SQL that forgets its tenant sees no tenant rows at all.</summary>
public sealed class RowLevelSecurityTests
{
    [SkippableFact]
    public async Task AQueryWithoutItsTenantGetsNothing()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Postgres);
        await using var services = storage.BuildServices();
        await services.GetRequiredService<CmsDatabase>().MigrateHostAsync(default);
        var manager = services.GetRequiredService<TenantManager>();
        await manager.CreateAsync(new CreateTenantRequest { Name = "alpha", Prefix = "alpha", AdminUserName = "ann", AdminPassword = "a-long-password" }, default);
        await manager.CreateAsync(new CreateTenantRequest { Name = "beta", Prefix = "beta", AdminUserName = "bob", AdminPassword = "b-long-password" }, default);

        await using var connection = new NpgsqlConnection(storage.ConnectionString);
        await connection.OpenAsync();

        Assert.Equal(0L, await ScalarAsync(connection, """SELECT count(*) FROM "Users" """));
        Assert.Equal(0L, await ScalarAsync(connection, """SELECT count(*) FROM "Users" WHERE "TenantId" = 'alpha'"""));
        await ScalarAsync(connection, $"SELECT set_config('{TenantSessionInterceptor.SettingName}', 'alpha', false)");
        Assert.Equal(1L, await ScalarAsync(connection, """SELECT count(*) FROM "Users" """));
        Assert.Equal(0L, await ScalarAsync(connection, """SELECT count(*) FROM "Users" WHERE "TenantId" = 'beta'"""));
    }

    [SkippableFact]
    public async Task ATenantCannotWriteRowsForAnother()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Postgres);
        await using var services = storage.BuildServices();
        await services.GetRequiredService<CmsDatabase>().MigrateHostAsync(default);
        var alpha = (await services.GetRequiredService<TenantManager>().CreateAsync(new CreateTenantRequest { Name = "alpha", Prefix = "alpha" }, default)).Tenant!;

        await using var connection = new NpgsqlConnection(storage.ConnectionString);
        await connection.OpenAsync();
        await ScalarAsync(connection, $"SELECT set_config('{TenantSessionInterceptor.SettingName}', '{alpha.Name}', false)");

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(connection,
            """INSERT INTO "Documents" ("TenantId", "Key", "Json", "ModifiedUtc") VALUES ('beta', 'site', '{}', now())"""));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
