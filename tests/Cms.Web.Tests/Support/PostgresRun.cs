using System.Security.Cryptography;
using System.Text;
using Cms.Core.Tests.Support;
using Npgsql;

namespace Cms.Web.Tests.Support;

/// <summary>
/// The web suite's PostgreSQL run (.ci/run sets CMS_TEST_PROVIDER=Postgres): every host that does not choose its
/// provider keeps its data in a database of its own on the CMS_TEST_POSTGRES server, named after its data folder so
/// that a host started again at the same folder (<see cref="CmsFactory.At"/>) finds the same data.
/// </summary>
/// <remarks>
/// Synchronous on purpose: a test host is made in a constructor (a class fixture, a <c>using</c>) and disposed in
/// <c>Dispose</c>, where nothing can be awaited; these are Npgsql's own synchronous calls, not a blocked task.
/// </remarks>
internal static class PostgresRun
{
    public const string ProviderVariable = "CMS_TEST_PROVIDER";

    // Each host's pool stays small, so the run's parallel hosts and the other users of the server stay well within
    // its max_connections (100 by default).
    private const int MaxPoolSize = 10;

    public static bool IsOn => string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection string of the data folder's database, made when it is not there yet.</summary>
    public static string DatabaseFor(string dataPath)
    {
        var name = NameFor(dataPath);
        using (var admin = OpenServer())
        {
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            try
            {
                create.ExecuteNonQuery();
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // A host started again at the same folder: its data is already there.
            }
        }

        return ConnectionStringOf(name);
    }

    /// <summary>Drops the data folder's database, once the hosts over it are stopped.</summary>
    public static void Drop(string dataPath)
    {
        // Every pool, not the one of this string: the host connects with a string of its own (automatic preparation
        // added), a pool this one would not name. Other tests' pools only lose their idle connections.
        NpgsqlConnection.ClearAllPools();
        using var admin = OpenServer();
        // As PostgresTestDatabase: not WITH (FORCE), which a role that is not a superuser may not use; a connection
        // still closing is waited for.
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {NameFor(dataPath)}", admin);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                drop.ExecuteNonQuery();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                Thread.Sleep(100);
            }
        }
    }

    private static string NameFor(string dataPath) =>
        "cms_t_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataPath))))[..16];

    private static string ConnectionStringOf(string name) =>
        new NpgsqlConnectionStringBuilder(Server()) { Database = name, MaxPoolSize = MaxPoolSize }.ConnectionString;

    private static NpgsqlConnection OpenServer()
    {
        var connection = new NpgsqlConnection(Server());
        connection.Open();
        return connection;
    }

    private static string Server()
    {
        var server = Environment.GetEnvironmentVariable(PostgresTestDatabase.ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException($"{ProviderVariable}=Postgres runs the web tests on PostgreSQL: set {PostgresTestDatabase.ServerVariable} to the server's connection string too.");
        }

        return server;
    }
}
