using Npgsql;

namespace Cms.Core.Tests.Support;

/// <summary>
/// A database of one test's own on the PostgreSQL server named by CMS_TEST_POSTGRES, dropped at the end; the test is
/// skipped when that is unset. Cms.Web.Tests compiles this file too, so both test projects make databases one way.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "CMS_TEST_POSTGRES";

    /// <summary>A role with BYPASSRLS (not a superuser), which .ci/run creates as cms_ci_bypass.</summary>
    public const string BypassRoleVariable = "CMS_TEST_POSTGRES_BYPASSRLS";

    /// <summary>A plain login role that owns nothing, which .ci/run creates as cms_ci_runtime.</summary>
    public const string RuntimeRoleVariable = "CMS_TEST_POSTGRES_RUNTIME";

    private PostgresTestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    /// <summary>The test's database as the CMS_TEST_POSTGRES role, which owns it.</summary>
    public string ConnectionString { get; }

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        Skip.If(string.IsNullOrWhiteSpace(server), $"Set {ServerVariable} to a PostgreSQL connection string to run the PostgreSQL tests.");
        var name = "cms_t_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new PostgresTestDatabase(name, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }

    /// <summary>The test's database as the role the environment variable names (one of the role variables above).</summary>
    public string ConnectionStringAs(string roleVariable)
    {
        var role = Environment.GetEnvironmentVariable(roleVariable);
        Skip.If(string.IsNullOrWhiteSpace(role), $"Set {roleVariable} to a PostgreSQL connection string of that role (.ci/run does) to run this test.");
        return new NpgsqlConnectionStringBuilder(role) { Database = Name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable(ServerVariable));
        await admin.OpenAsync();
        // Not WITH (FORCE): that refuses a role which is not a superuser as soon as an autovacuum worker is on the
        // database (seen in CI, 42501), while a plain drop stops autovacuum itself. Our own pools are cleared
        // above; a connection still closing is waited for.
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name}", admin);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                break;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                await Task.Delay(100);
            }
        }
    }
}
