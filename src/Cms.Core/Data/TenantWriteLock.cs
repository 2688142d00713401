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
/// <para>
/// An import also holds the tenant's import mark, which nothing else takes, so an import that may not wait can tell
/// another import (refused at once) from a save or a change of features that holds the lock for a moment (waited
/// for, however long it takes). On PostgreSQL the mark is a second advisory lock; on SQLite, whose database has only
/// its one write lock, an exclusive lock on a file beside the database, which the system lets go if the process dies.
/// </para>
/// </summary>
internal static class TenantWriteLock
{
    // The first keys of the two-key advisory locks: "cms" and 3, "cms" and 4. The migration locks (1, 2) use the
    // one-key form, a key space of its own.
    private const int ContentWrites = 0x636D7303;
    private const int Imports = 0x636D7304;

    private const string TakeAlone = "SELECT pg_advisory_xact_lock({0}, {1})";
    private const string TakeShared = "SELECT pg_advisory_xact_lock_shared({0}, {1})";
    private const string TryTakeAlone = "SELECT pg_try_advisory_xact_lock({0}, {1}) AS \"Value\"";

    /// <summary>The SQLite import mark's file: the database's name with this after it, as its -wal and -shm.</summary>
    public const string SqliteImportMarkSuffix = "-import";

    private static readonly TimeSpan s_sqliteMarkPause = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Begins a transaction with the tenant's lock held alone (a change of features): other writers, imports among
    /// them, wait for its commit.
    /// </summary>
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

    /// <summary>Begins the transaction of an import: after another import into the tenant, then as <see cref="BeginAloneAsync"/>.</summary>
    public static async Task<IDbContextTransaction> BeginImportAsync(TenantDbContext db, CancellationToken cancellationToken) =>
        (await BeginImportAsync(db, wait: true, cancellationToken))!;

    /// <summary>
    /// As <see cref="BeginImportAsync(TenantDbContext, CancellationToken)"/>, but null at once while another import into
    /// the tenant runs, on any node or in the CLI, so the caller can say so instead of waiting minutes. Saves and changes
    /// of features under way are waited for (on SQLite up to the connection's busy timeout, 30 s, as a save waits).
    /// </summary>
    public static Task<IDbContextTransaction?> TryBeginImportAsync(TenantDbContext db, CancellationToken cancellationToken) =>
        BeginImportAsync(db, wait: false, cancellationToken);

    private static async Task<IDbContextTransaction?> BeginImportAsync(TenantDbContext db, bool wait, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            var mark = await SqliteImportMark.TakeAsync(db, wait, cancellationToken);
            if (mark is null)
            {
                return null;
            }

            try
            {
                return new MarkedTransaction(await db.Database.BeginTransactionAsync(cancellationToken), mark);
            }
            catch
            {
                mark.Dispose();
                throw;
            }
        }

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            if (wait)
            {
                await db.Database.ExecuteSqlRawAsync(TakeAlone, [Imports, Key(db.TenantId)], cancellationToken);
            }
            else if (!await db.Database.SqlQueryRaw<bool>(TryTakeAlone, Imports, Key(db.TenantId)).SingleAsync(cancellationToken))
            {
                await transaction.DisposeAsync();
                return null;
            }

            await TakeAsync(db, TakeAlone, cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
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

    /// <summary>The import mark of a tenant's SQLite database, held from before its transaction begins until it ends.</summary>
    private sealed class SqliteImportMark(FileStream file) : IDisposable
    {
        public static async Task<SqliteImportMark?> TakeAsync(TenantDbContext db, bool wait, CancellationToken cancellationToken)
        {
            var database = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var path = Path.GetFullPath(database + SqliteImportMarkSuffix);
            while (true)
            {
                try
                {
                    // FileShare.None is an exclusive lock (flock) on Unix and a sharing mode on Windows: every other
                    // opening fails, from this process or another, until this one is closed.
                    var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                    OpenToEveryone(path);
                    return new SqliteImportMark(file);
                }
                catch (UnauthorizedAccessException e)
                {
                    throw new InvalidOperationException(
                        $"The practice's import mark {path} cannot be opened by this user; another user made it (the CLI run as another user?). It holds no data: remove it and import again.", e);
                }
                catch (IOException) when (File.Exists(path))
                {
                    if (!wait)
                    {
                        return null;
                    }

                    await Task.Delay(s_sqliteMarkPause, cancellationToken);
                }
            }
        }

        public void Dispose() => file.Dispose();

        // The mark holds nothing, but whoever makes it owns it: an import run as another user (an operator's sudo) must
        // not lock the server out of the next one. Only its maker may change it; anyone else leaves it as it is.
        private static void OpenToEveryone(string path)
        {
            if (OperatingSystem.IsWindows())
            {
                return;
            }

            const UnixFileMode ReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
            try
            {
                if (File.GetUnixFileMode(path) != ReadWrite)
                {
                    File.SetUnixFileMode(path, ReadWrite);
                }
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours: its maker opened it to everyone when making it.
            }
        }
    }

    /// <summary>The transaction of an import on SQLite, which lets go of the import mark when it ends.</summary>
    private sealed class MarkedTransaction(IDbContextTransaction transaction, SqliteImportMark mark) : IDbContextTransaction
    {
        public Guid TransactionId => transaction.TransactionId;

        public void Commit() => transaction.Commit();

        public Task CommitAsync(CancellationToken cancellationToken = default) => transaction.CommitAsync(cancellationToken);

        public void Rollback() => transaction.Rollback();

        public Task RollbackAsync(CancellationToken cancellationToken = default) => transaction.RollbackAsync(cancellationToken);

        public void Dispose()
        {
            try
            {
                transaction.Dispose();
            }
            finally
            {
                mark.Dispose();
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await transaction.DisposeAsync();
            }
            finally
            {
                mark.Dispose();
            }
        }
    }
}
