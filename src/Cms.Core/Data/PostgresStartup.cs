using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cms.Data;

/// <summary>
/// What a PostgreSQL host checks around its migrations at start: both servers reachable, the role it runs as one that
/// row-level security applies to, and, with a migration role, that role owning the tables while the running role may
/// only read and write rows (granted here after every migration run). Every refusal is one line naming the setting.
/// </summary>
internal static class PostgresStartup
{
    public const string RuntimeSetting = "Cms:Database:ConnectionString";
    public const string MigrationSetting = "Cms:Database:MigrationConnectionString";

    // One key per use of the session advisory lock: "cms" in ASCII, then which (1 and 2 are the migration sets).
    private const long GrantLockKey = 0x636D7303L;

    /// <summary>Before anything is written: the servers answer, and the running role is one the host may run as.</summary>
    public static async Task<PostgresRole> CheckRolesAsync(string runtime, string? migration, bool bypassAllowed, CancellationToken cancellationToken)
    {
        PostgresRole role;
        await using (var connection = await OpenAsync(runtime, RuntimeSetting, cancellationToken))
        {
            role = await PostgresRole.ReadAsync(connection, cancellationToken);
        }

        if (role.Refusal(bypassAllowed) is { } refusal)
        {
            throw new SettingsProblemException(refusal);
        }

        if (migration is not null)
        {
            await using var connection = await OpenAsync(migration, MigrationSetting, cancellationToken);
            if ((await PostgresRole.ReadAsync(connection, cancellationToken)).Name == role.Name)
            {
                throw new SettingsProblemException(OwnsTables(role, $" ({MigrationSetting} logs in as the same role)"));
            }
        }

        return role;
    }

    /// <summary>
    /// After the migrations: with a migration role, the running role gets exactly what it needs, and must not own the
    /// tables (refused); without one, the running role owns them, which is allowed with a warning.
    /// </summary>
    public static async Task CheckOwnershipAsync(string runtime, string? migration, PostgresRole role, ILogger logger, CancellationToken cancellationToken)
    {
        bool owns;
        await using (var connection = await OpenAsync(runtime, RuntimeSetting, cancellationToken))
        {
            owns = await PostgresRole.OwnsRowSecuredTablesAsync(connection, cancellationToken);
        }

        if (migration is null)
        {
            if (owns)
            {
                logger.LogWarning(
                    "The PostgreSQL role {Role} owns the tables, so SQL run as it could switch row-level security off (ALTER TABLE ... NO FORCE ROW LEVEL SECURITY) or TRUNCATE every practice's rows. Give the tables to a migration role and set {Setting} (see the README).",
                    role.Name,
                    MigrationSetting);
            }

            return;
        }

        if (owns)
        {
            throw new SettingsProblemException(OwnsTables(role, ""));
        }

        await GrantAsync(migration, role.Name, cancellationToken);
    }

    /// <summary>Opens a connection; a server that cannot be reached, or refuses the role, is a readable refusal naming the setting.</summary>
    public static async Task<NpgsqlConnection> OpenAsync(string connectionString, string setting, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (NpgsqlException e)
        {
            await connection.DisposeAsync();
            var target = new NpgsqlConnectionStringBuilder(connectionString);
            var server = $"the PostgreSQL server at {target.Host}:{target.Port}";
            throw new SettingsProblemException(
                e is PostgresException refused
                    ? $"{setting}: {server} refused role '{target.Username}' on database '{target.Database}': {refused.MessageText.TrimEnd('.')} ({refused.SqlState})."
                    : $"{setting}: {server} cannot be reached: {e.Message.TrimEnd('.')}{(e.InnerException is { } inner ? $" ({inner.Message.TrimEnd('.')})" : "")}.",
                e);
        }
    }

    /// <summary>A migration the server refused (a missing privilege, say), as one line naming the setting.</summary>
    public static SettingsProblemException MigrationFailed(string connectionString, string setting, NpgsqlException e)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var reason = e is PostgresException refused ? $"{refused.MessageText.TrimEnd('.')} ({refused.SqlState})" : e.Message.TrimEnd('.');
        return new SettingsProblemException($"{setting}: migrating database '{target.Database}' as role '{target.Username}' failed: {reason}.", e);
    }

    private static string OwnsTables(PostgresRole role, string detail) =>
        $"{RuntimeSetting} logs in as '{role.Name}', which owns the tables{detail}, so it could switch row-level security off; with {MigrationSetting} set "
        + $"the host must run as a role that owns nothing. Give the tables to the migration role (as a superuser: REASSIGN OWNED BY {role.Name} TO <migration role>) "
        + $"and use a role of its own in {RuntimeSetting}.";

    /// <summary>
    /// Rows only: no TRUNCATE (which row-level security does not filter), no DDL, and the migration history read-only.
    /// Run under a lock, since two nodes granting on the same tables at once can fail ("tuple concurrently updated").
    /// </summary>
    private static async Task GrantAsync(string migration, string runtimeRole, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(migration, MigrationSetting, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        string schema;
        await using (var current = new NpgsqlCommand("SELECT current_schema()", connection, transaction))
        {
            schema = DbCommandExtensions.QuoteIdentifier((string)(await current.ExecuteScalarAsync(cancellationToken))!);
        }

        var role = DbCommandExtensions.QuoteIdentifier(runtimeRole);
        await using var grant = new NpgsqlCommand(
            $"""
            SELECT pg_advisory_xact_lock({GrantLockKey});
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {role};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {role};
            REVOKE INSERT, UPDATE, DELETE ON {schema}."{HostDbContext.HistoryTable}", {schema}."{TenantDbContext.HistoryTable}" FROM {role};
            """,
            connection,
            transaction);
        await grant.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
