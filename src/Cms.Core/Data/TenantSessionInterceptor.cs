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

    private static NpgsqlCommand? CreateCommand(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is not NpgsqlConnection npgsql || eventData.Context is not TenantDbContext tenantContext)
        {
            return null;
        }

        var command = new NpgsqlCommand($"SELECT set_config('{SettingName}', $1, false)", npgsql);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantContext.TenantId });
        return command;
    }
}
