using Npgsql;

namespace Cms.Bench;

/// <summary>
/// A fresh PostgreSQL database of the bench's own, on the server that CMS_BENCH_POSTGRES (or, when that is unset, the
/// tests' CMS_TEST_POSTGRES) names, with a role that may create databases; dropped when disposed.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    public const string ServerVariable = "CMS_BENCH_POSTGRES";
    public const string TestServerVariable = "CMS_TEST_POSTGRES";

    private readonly string _server;

    private BenchDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>The server's connection string from the environment; null when neither variable is set.</summary>
    public static string? Server() =>
        new[] { ServerVariable, TestServerVariable }.Select(Environment.GetEnvironmentVariable).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s));

    public static async Task<BenchDatabase> CreateAsync(string server)
    {
        var name = "cms_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
        await create.ExecuteNonQueryAsync();
        Progress.Say($"Created the PostgreSQL database {name}");
        return new BenchDatabase(server, name);
    }

    /// <summary>How many connections to this database wait on LISTEN: one per node whose change listener is connected.</summary>
    public async Task<long> ListenersAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN%'",
            connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>Drops the database once the hosts have stopped; a connection still closing is waited for.</summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        // Not WITH (FORCE), which a role that is not a superuser may not use while autovacuum is on the database.
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name}", admin);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                Progress.Say($"Dropped the PostgreSQL database {Name}");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                await Task.Delay(200);
            }
        }
    }
}
