using System.Data.Common;
using Npgsql;

namespace Cms.Data;

/// <summary>
/// Deletes a tenant's rows from every table that has its key column, as the database's own catalog lists them at
/// that moment: a table a later migration or module adds is covered without a change here.
/// </summary>
internal static class TenantKeyedRows
{
    public static async Task DeleteAsync(DbConnection connection, string keyColumn, string tenantKey, IReadOnlyCollection<string> exceptTables, CancellationToken cancellationToken)
    {
        var tables = await TablesWithAsync(connection, keyColumn, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var table in tables.Except(exceptTables, StringComparer.Ordinal))
        {
            await using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            // An exact match, which the key's index serves (every tenant table's primary key starts with it).
            delete.CommandText = $"DELETE FROM {DbCommandExtensions.QuoteIdentifier(table)} WHERE {DbCommandExtensions.QuoteIdentifier(keyColumn)} = @tenant";
            delete.AddParameter("@tenant", tenantKey);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<List<string>> TablesWithAsync(DbConnection connection, string column, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = connection is NpgsqlConnection
            ? """
              SELECT c.table_name FROM information_schema.columns c
              JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
              WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.column_name = @column
              ORDER BY c.table_name
              """
            : """
              SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
              WHERE m.type = 'table' AND p.name = @column ORDER BY m.name
              """;
        command.AddParameter("@column", column);
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
