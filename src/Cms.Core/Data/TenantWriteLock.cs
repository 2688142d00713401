using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cms.Data;

/// <summary>
/// Keeps a recipe import and the other writes of a tenant's content from interleaving, across every node: an import
/// holds the tenant's lock alone for its whole transaction, each save, publish or delete shares it for its own. On
/// PostgreSQL that is a transaction-scoped advisory lock per tenant. On SQLite the database's write lock does the same:
/// EF Core begins transactions there with BEGIN IMMEDIATE, which takes it at once (waiting up to the busy timeout).
/// </summary>
internal static class TenantWriteLock
{
    // The first key of the two-key advisory locks: "cms" and 3. The migration locks (1, 2) use the one-key form, a key space of its own.
    private const int ContentWrites = 0x636D7303;

    private const string TakeAlone = "SELECT pg_advisory_xact_lock({0}, {1})";
    private const string TakeShared = "SELECT pg_advisory_xact_lock_shared({0}, {1})";
    private const string TryTakeAlone = "SELECT pg_try_advisory_xact_lock({0}, {1}) AS \"Value\"";

    // A try lasts about a second: a save shares the lock for milliseconds, an import holds it for minutes. On PostgreSQL
    // 20 tries 50 ms apart; SQLite has no try, its BEGIN IMMEDIATE retries for the connection's timeout (30 s by default).
    private const int PostgresTries = 20;
    private const int SqliteTrySeconds = 1;
    private static readonly TimeSpan s_postgresTryPause = TimeSpan.FromMilliseconds(50);

    /// <summary>Begins the transaction of an import with the tenant's lock held alone: other writers wait for its commit.</summary>
    public static async Task<IDbContextTransaction> BeginAloneAsync(TenantDbContext db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await TakeAsync(db, TakeAlone, cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// As <see cref="BeginAloneAsync"/>, but null within about a second when another import holds the lock, on any node,
    /// so the caller can say so instead of waiting minutes. The second lets a save that shares the lock finish.
    /// </summary>
    public static async Task<IDbContextTransaction?> TryBeginAloneAsync(TenantDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return await TryBeginOnSqliteAsync(db, cancellationToken);
        }

        for (var attempt = 0; attempt < PostgresTries; attempt++)
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                if (await db.Database.SqlQueryRaw<bool>(TryTakeAlone, ContentWrites, Key(db.TenantId)).SingleAsync(cancellationToken))
                {
                    return transaction;
                }
            }
            catch
            {
                await transaction.DisposeAsync();
                throw;
            }

            await transaction.DisposeAsync();
            await Task.Delay(s_postgresTryPause, cancellationToken);
        }

        return null;
    }

    private static async Task<IDbContextTransaction?> TryBeginOnSqliteAsync(TenantDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var timeout = connection.DefaultTimeout;
        connection.DefaultTimeout = SqliteTrySeconds;
        try
        {
            return await db.Database.BeginTransactionAsync(cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED)
        {
            return null;
        }
        finally
        {
            connection.DefaultTimeout = timeout;
        }
    }

    /// <summary>Shares the tenant's lock until the current transaction ends: writes of content wait while an import runs.</summary>
    public static Task ShareAsync(TenantDbContext db, CancellationToken cancellationToken) =>
        TakeAsync(db, TakeShared, cancellationToken);

    private static async Task TakeAsync(TenantDbContext db, string sql, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The tenant's write lock is held by a transaction; begin one first.");
        }

        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync(sql, [ContentWrites, Key(db.TenantId)], cancellationToken);
        }
    }

    // The same number for the same tenant on every node: the lock's second key.
    private static int Key(string tenantId) => BinaryPrimitives.ReadInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(tenantId)));
}
