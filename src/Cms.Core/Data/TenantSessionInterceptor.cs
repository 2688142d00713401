using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Cms.Data;

/// <summary>
/// Tells PostgreSQL which tenant a connection works for, so row-level security can refuse every other
/// tenant's rows. Npgsql resets session settings when a pooled connection is reused, so a connection
/// opened without a tenant sees no tenant rows at all.
/// </summary>
internal sealed class TenantSessionInterceptor : DbConnectionInterceptor
{
    public const string SettingName = "cms.tenant";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = CreateCommand(connection, eventData);
        command?.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(connection, eventData);
        if (command is not null)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Names the tenant on a plain connection, for the reads made outside EF Core.</summary>
    public static async Task NameTenantAsync(DbConnection connection, string tenantId, CancellationToken cancellationToken)
    {
        if (connection is NpgsqlConnection npgsql)
        {
            await using var command = Command(npgsql, tenantId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static NpgsqlCommand? CreateCommand(DbConnection connection, ConnectionEndEventData eventData) =>
        connection is NpgsqlConnection npgsql && eventData.Context is TenantDbContext tenantContext
            ? Command(npgsql, tenantContext.TenantId)
            : null;

    private static NpgsqlCommand Command(NpgsqlConnection connection, string tenantId)
    {
        var command = new NpgsqlCommand($"SELECT set_config('{SettingName}', $1, false)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        return command;
    }
}
