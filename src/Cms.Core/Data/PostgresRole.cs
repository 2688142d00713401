using Npgsql;

namespace Cms.Data;

/// <summary>What PostgreSQL says of the role a connection logs in as, and whether the host may run as it.</summary>
internal sealed record PostgresRole(string Name, bool IsSuperuser, bool BypassesRowLevelSecurity)
{
    public static async Task<PostgresRole> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT rolname, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new PostgresRole(reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2));
    }

    /// <summary>
    /// True when the connection's role owns a table of the schema that has row-level security, or may act as its
    /// owner: it could then switch the policy off (ALTER TABLE ... DISABLE or NO FORCE ROW LEVEL SECURITY, DROP POLICY).
    /// </summary>
    public static async Task<bool> OwnsRowSecuredTablesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                           WHERE n.nspname = current_schema() AND c.relrowsecurity AND pg_has_role(c.relowner, 'MEMBER'))
            """,
            connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Why the host must not run as this role, or null: row-level security does not apply to a superuser or a BYPASSRLS role.</summary>
    public string? Refusal(bool bypassAllowed)
    {
        if (bypassAllowed || !(IsSuperuser || BypassesRowLevelSecurity))
        {
            return null;
        }

        var kind = IsSuperuser ? "a superuser" : "a role with BYPASSRLS";
        return $"Cms:Database:ConnectionString logs in as '{Name}', {kind}, to which row-level security does not apply: nothing in the database "
            + "would keep one practice's rows from another's. Connect as a role without SUPERUSER and BYPASSRLS (see the README), "
            + "or set Cms:Database:AllowRowLevelSecurityBypass=true to run so anyway.";
    }
}
