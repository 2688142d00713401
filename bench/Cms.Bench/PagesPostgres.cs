using Npgsql;

namespace Cms.Bench;

/// <summary>
/// The pages benchmark's PostgreSQL host: a database of its own on the server that <c>CMS_TEST_POSTGRES</c> names (a
/// role that may CREATE DATABASE, as for the tests), made for the run and dropped after it. Unset, the PostgreSQL
/// host is left out and the report says why.
/// </summary>
internal sealed class PagesPostgres : IAsyncDisposable
{
    public const string ServerVariable = "CMS_TEST_POSTGRES";

    private readonly string _server;

    private PagesPostgres(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>A new empty database, or null when no server is set.</summary>
    public static async Task<PagesPostgres?> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            return null;
        }

        var name = "cms_bench_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        return new PagesPostgres(server, name);
    }

    /// <summary>The settings that put a host's tenants in this database (media stay in its data folder).</summary>
    public IReadOnlyDictionary<string, string> HostSettings => new Dictionary<string, string>
    {
        ["Cms__Database__Provider"] = "Postgres",
        ["Cms__Database__ConnectionString"] = ConnectionString,
    };

    /// <summary>Drops the database; the host using it must have stopped.</summary>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS {Name}");
        }
        catch (PostgresException ex)
        {
            Progress.Say($"Warning: the bench database {Name} was not dropped ({ex.MessageText}); drop it by hand.");
        }
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
