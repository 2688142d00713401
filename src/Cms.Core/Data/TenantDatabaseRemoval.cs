using Cms.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Cms.Data;

/// <summary>
/// The tenant's content, users, documents and view counts: its SQLite file, or its rows in every table keyed by
/// tenant in its database (the shared PostgreSQL database, or one of its own). A database of its own that was
/// never made holds nothing to delete.
/// </summary>
internal sealed class TenantDatabaseRemoval(CmsDatabase database) : ITenantRemovalHandler
{
    public string Removes => "its rows in the tenant database";

    public async Task RemoveAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        var options = database.TenantOptions(tenant);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(RelationalOptionsExtension.Extract(options).ConnectionString).DataSource;
            if (!File.Exists(file))
            {
                return;
            }

            if (tenant.ConnectionString is null)
            {
                database.ReleaseConnections(options);
                foreach (var suffix in new[] { "", "-wal", "-shm", TenantWriteLock.SqliteImportMarkSuffix })
                {
                    File.Delete(file + suffix);
                }

                return;
            }
        }

        try
        {
            await using var connection = await database.OpenTenantConnectionAsync(tenant, options, cancellationToken);
            await TenantKeyedRows.DeleteAsync(connection, nameof(ITenantOwned.TenantId), tenant.Name, [], cancellationToken);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.InvalidCatalogName)
        {
            // A database of its own that was never created.
        }
    }
}
