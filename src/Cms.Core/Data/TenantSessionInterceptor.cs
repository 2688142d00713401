using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Cms.Data;

/// <summary>
/// Tells PostgreSQL which tenant a connection works for, so row-level security can refuse every other
/// tenant's rows. Npgsql resets session settings when a pooled connection is reused (DISCARD ALL, sent
/// ahead of the next command), so a connection opened without a tenant sees no tenant rows at all.
/// </summary>
/// <remarks>
/// The setting goes out with the first query after the connection opens, as one more statement in the same
/// command (Npgsql sends a command's statements in one round trip), instead of a command of its own: a page
/// read costs one round trip, not two. Until it has been sent the connection is marked as not yet naming its
/// tenant; anything that can undo the setting (a failed command, a rolled-back transaction or savepoint) marks
/// it again, so a later command sends it again. Every way it can go wrong leaves the setting unset, which row-level
/// security reads as "no tenant": no rows, never another tenant's.
/// </remarks>
internal sealed class TenantSessionInterceptor : DbConnectionInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
{
    public const string SettingName = "cms.tenant";

    private const string TenantParameter = "cms_session_tenant";
    private static readonly string s_prefix = $"SELECT set_config('{SettingName}', @{TenantParameter}, false);\n";

    // Connections opened for a tenant whose setting has not gone out yet (or was undone). Weak: a connection
    // nobody holds any more takes its entry with it.
    private readonly ConditionalWeakTable<DbConnection, string> _unnamed = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => MarkUnnamed(connection, eventData);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        MarkUnnamed(connection, eventData);
        return Task.CompletedTask;
    }

    public override void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => _unnamed.Remove(connection);

    public override Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        _unnamed.Remove(connection);
        return Task.CompletedTask;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (!TryPrefix(command, eventData))
        {
            NameSeparately(command);
        }

        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (!TryPrefix(command, eventData))
        {
            await NameSeparatelyAsync(command, cancellationToken);
        }

        return result;
    }

    // The setting's own result comes first; EF Core reads what follows, the query it asked for. The query's own error
    // surfaces here, where EF Core neither disposes the reader nor reports a failed command: both are done here.
    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        if (IsPrefixed(command))
        {
            try
            {
                result.NextResult();
            }
            catch
            {
                result.Dispose();
                MarkUnnamed(command.Connection, eventData.Context);
                throw;
            }
        }

        return result;
    }

    public async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (IsPrefixed(command))
        {
            try
            {
                await result.NextResultAsync(cancellationToken);
            }
            catch
            {
                await result.DisposeAsync();
                MarkUnnamed(command.Connection, eventData.Context);
                throw;
            }
        }

        return result;
    }

    // A scalar would be the setting's own value and a row count would count it: these send it on its own (rare: migrations, raw SQL).
    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        NameSeparately(command);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await NameSeparatelyAsync(command, cancellationToken);
        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        NameSeparately(command);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await NameSeparatelyAsync(command, cancellationToken);
        return result;
    }

    // A failed command ran in a transaction that is rolled back, the setting with it.
    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => MarkUnnamed(command.Connection, eventData.Context);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        MarkUnnamed(command.Connection, eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => MarkUnnamed(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        MarkUnnamed(eventData.Context);
        return Task.CompletedTask;
    }

    public void RolledBackToSavepoint(DbTransaction transaction, TransactionEventData eventData) => MarkUnnamed(eventData.Context);

    public Task RolledBackToSavepointAsync(DbTransaction transaction, TransactionEventData eventData, CancellationToken cancellationToken = default)
    {
        MarkUnnamed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => MarkUnnamed(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        MarkUnnamed(eventData.Context);
        return Task.CompletedTask;
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

    private void MarkUnnamed(DbConnection? connection, ConnectionEndEventData eventData) => MarkUnnamed(connection, eventData.Context);

    // A transaction's events name the context; the transaction itself may be disposed already.
    private void MarkUnnamed(DbContext? context)
    {
        if (context is TenantDbContext tenantContext)
        {
            MarkUnnamed(tenantContext.Database.GetDbConnection(), context);
        }
    }

    private void MarkUnnamed(DbConnection? connection, DbContext? context)
    {
        if (connection is NpgsqlConnection && context is TenantDbContext tenantContext)
        {
            _unnamed.AddOrUpdate(connection, tenantContext.TenantId);
        }
    }

    // Only a query's text with named parameters (what EF Core's LINQ queries are) takes a statement in front: Npgsql
    // then splits the text into statements itself and sends them together. Not SaveChanges: EF Core's PostgreSQL
    // provider reads each statement's row count by its position.
    private bool TryPrefix(DbCommand command, CommandEventData eventData)
    {
        if (eventData.CommandSource != CommandSource.LinqQuery
            || command is not NpgsqlCommand npgsql || npgsql.Connection is not { } connection || !_unnamed.TryGetValue(connection, out var tenantId)
            || npgsql.CommandType != CommandType.Text || npgsql.Parameters.Any(p => string.IsNullOrEmpty(p.ParameterName)))
        {
            return false;
        }

        npgsql.CommandText = s_prefix + npgsql.CommandText;
        npgsql.Parameters.Add(new NpgsqlParameter(TenantParameter, tenantId));
        _unnamed.Remove(connection);
        return true;
    }

    private static bool IsPrefixed(DbCommand command) =>
        command is NpgsqlCommand && command.CommandText.StartsWith(s_prefix, StringComparison.Ordinal);

    private void NameSeparately(DbCommand command)
    {
        if (command.Connection is NpgsqlConnection connection && _unnamed.TryGetValue(connection, out var tenantId))
        {
            using var set = Command(connection, tenantId, command.Transaction);
            set.ExecuteNonQuery();
            _unnamed.Remove(connection);
        }
    }

    private async Task NameSeparatelyAsync(DbCommand command, CancellationToken cancellationToken)
    {
        if (command.Connection is NpgsqlConnection connection && _unnamed.TryGetValue(connection, out var tenantId))
        {
            await using var set = Command(connection, tenantId, command.Transaction);
            await set.ExecuteNonQueryAsync(cancellationToken);
            _unnamed.Remove(connection);
        }
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string tenantId, DbTransaction? transaction = null)
    {
        var command = new NpgsqlCommand($"SELECT set_config('{SettingName}', $1, false)", connection, (NpgsqlTransaction?)transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        return command;
    }
}
