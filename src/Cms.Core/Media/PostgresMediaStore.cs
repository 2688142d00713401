using System.Data;
using System.Data.Common;
using System.Security.Cryptography;
using Cms.Data;
using Cms.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace Cms.Media;

/// <summary>
/// The media library as rows in the practice's PostgreSQL database, so every node serves what one received: a row per
/// file in MediaFiles (length, content type, SHA-256, last change) and its content in MediaChunks, <see cref="ChunkBytes"/>
/// a row. Both keyed by tenant, under row-level security like every tenant table. Content is streamed a chunk at a time
/// both ways; reading goes through a node-local copy (<see cref="NodeMediaCache"/>), which serving needs for ranges anyway.
/// </summary>
internal sealed class PostgresMediaStore(CmsDatabase database, NodeMediaCache cache, TimeProvider time) : IMediaStore
{
    public const int ChunkBytes = 256 * 1024;

    // A copy is made from chunks read in a statement of their own; a replace committed in between makes it fail its check.
    private const int CopyAttempts = 3;

    public async Task WriteAsync(TenantSettings tenant, string path, Stream content, CancellationToken cancellationToken)
    {
        path = MediaPaths.Checked(path);
        await using var connection = await ConnectAsync(tenant, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var fileId = Guid.NewGuid().ToString("N");
        var replaced = await ClaimAsync(connection, tenant, path, fileId, cancellationToken);
        var (length, sha256) = await WriteChunksAsync(connection, tenant, fileId, content, cancellationToken);
        await using (var update = new NpgsqlCommand("""
            UPDATE "MediaFiles" SET "FileId" = @file, "Length" = @length, "ContentType" = @type, "Sha256" = @sha256, "ModifiedUtc" = @modified
            WHERE "TenantId" = @tenant AND "Path" = @path;
            DELETE FROM "MediaChunks" WHERE "TenantId" = @tenant AND "FileId" = @replaced;
            """, connection))
        {
            update.AddParameter("@tenant", tenant.Name);
            update.AddParameter("@path", path);
            update.AddParameter("@file", fileId);
            update.AddParameter("@length", length);
            update.AddParameter("@type", AcceptedMedia.ContentType(path));
            update.AddParameter("@sha256", sha256);
            update.AddParameter("@modified", time.GetUtcNow().UtcDateTime);
            update.AddParameter("@replaced", replaced ?? "");
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<MediaEntry?> FindAsync(TenantSettings tenant, string path, CancellationToken cancellationToken)
    {
        if (MediaPaths.Problem(path) is not null)
        {
            return null;
        }

        await using var connection = await ConnectAsync(tenant, cancellationToken);
        return (await FindRowAsync(connection, tenant, MediaPaths.Normalize(path), cancellationToken))?.Entry;
    }

    public async Task<MediaOnDisk?> OpenAsync(TenantSettings tenant, string path, CancellationToken cancellationToken)
    {
        if (MediaPaths.Problem(path) is not null)
        {
            return null;
        }

        path = MediaPaths.Normalize(path);
        await using var connection = await ConnectAsync(tenant, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            if (await FindRowAsync(connection, tenant, path, cancellationToken) is not { } row)
            {
                return null;
            }

            if (cache.Find(tenant, row.Sha256) is { } cached)
            {
                return new MediaOnDisk(row.Entry, cached);
            }

            await using var chunks = new NpgsqlCommand("""SELECT "Data" FROM "MediaChunks" WHERE "TenantId" = @tenant AND "FileId" = @file ORDER BY "Number" """, connection);
            chunks.AddParameter("@tenant", tenant.Name);
            chunks.AddParameter("@file", row.FileId);
            await using var reader = await chunks.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
            if (await cache.AddAsync(tenant, row.Sha256, row.Entry.Length, ChunksOf(reader, cancellationToken), cancellationToken) is { } added)
            {
                return new MediaOnDisk(row.Entry, added);
            }

            if (attempt == CopyAttempts)
            {
                throw new IOException($"The media file '{path}' of practice '{tenant.Name}' kept changing while it was read; try again.");
            }
        }
    }

    public async Task<bool> DeleteAsync(TenantSettings tenant, string path, CancellationToken cancellationToken)
    {
        path = MediaPaths.Checked(path);
        await using var connection = await ConnectAsync(tenant, cancellationToken);
        await using var delete = new NpgsqlCommand("""
            WITH file AS (DELETE FROM "MediaFiles" WHERE "TenantId" = @tenant AND "Path" = @path RETURNING "FileId"),
                 chunks AS (DELETE FROM "MediaChunks" WHERE "TenantId" = @tenant AND "FileId" IN (SELECT "FileId" FROM file))
            SELECT count(*) FROM file
            """, connection);
        delete.AddParameter("@tenant", tenant.Name);
        delete.AddParameter("@path", path);
        return (long)(await delete.ExecuteScalarAsync(cancellationToken))! > 0;
    }

    public async Task<IReadOnlyList<MediaEntry>> ListAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(tenant, cancellationToken);
        await using var list = new NpgsqlCommand("""SELECT "Path", "Length", "ContentType", "ModifiedUtc" FROM "MediaFiles" WHERE "TenantId" = @tenant""", connection);
        list.AddParameter("@tenant", tenant.Name);
        var entries = new List<MediaEntry>();
        await using var reader = await list.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new MediaEntry(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetDateTime(3)));
        }

        // The database's collation may not sort as the file system store does.
        entries.Sort((x, y) => string.CompareOrdinal(x.Path, y.Path));
        return entries;
    }

    /// <summary>
    /// Takes the path's row for this write, inserting a placeholder (seen by no one before the commit) when there is
    /// none, and locks it: a second write of the same path waits here until this one commits. Returns the content the
    /// path had, to delete once replaced, or null.
    /// </summary>
    private static async Task<string?> ClaimAsync(NpgsqlConnection connection, TenantSettings tenant, string path, string fileId, CancellationToken cancellationToken)
    {
        await using var claim = new NpgsqlCommand("""
            INSERT INTO "MediaFiles" ("TenantId", "Path", "FileId", "Length", "ContentType", "Sha256", "ModifiedUtc")
            VALUES (@tenant, @path, @file, 0, '', '', now()) ON CONFLICT DO NOTHING;
            SELECT "FileId" FROM "MediaFiles" WHERE "TenantId" = @tenant AND "Path" = @path FOR UPDATE;
            """, connection);
        claim.AddParameter("@tenant", tenant.Name);
        claim.AddParameter("@path", path);
        claim.AddParameter("@file", fileId);
        var current = (string)(await claim.ExecuteScalarAsync(cancellationToken))!;
        return current == fileId ? null : current;
    }

    /// <summary>The content as chunks of the file id, read and sent one at a time; its length and SHA-256.</summary>
    internal static async Task<(long Length, string Sha256)> WriteChunksAsync(NpgsqlConnection connection, TenantSettings tenant, string fileId, Stream content, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ChunkBytes];
        long length = 0;
        await using var insert = new NpgsqlCommand("""INSERT INTO "MediaChunks" ("TenantId", "FileId", "Number", "Data") VALUES (@tenant, @file, @number, @data)""", connection);
        insert.AddParameter("@tenant", tenant.Name);
        insert.AddParameter("@file", fileId);
        var number = new NpgsqlParameter<int>("@number", 0);
        var data = new NpgsqlParameter("@data", NpgsqlDbType.Bytea);
        insert.Parameters.Add(number);
        insert.Parameters.Add(data);
        for (var read = await content.ReadAtLeastAsync(buffer, ChunkBytes, throwOnEndOfStream: false, cancellationToken);
            read > 0;
            read = await content.ReadAtLeastAsync(buffer, ChunkBytes, throwOnEndOfStream: false, cancellationToken))
        {
            hash.AppendData(buffer, 0, read);
            data.Value = new ArraySegment<byte>(buffer, 0, read);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            number.TypedValue++;
            length += read;
        }

        return (length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static async Task<(MediaEntry Entry, string FileId, string Sha256)?> FindRowAsync(NpgsqlConnection connection, TenantSettings tenant, string path, CancellationToken cancellationToken)
    {
        await using var find = new NpgsqlCommand("""
            SELECT "Length", "ContentType", "ModifiedUtc", "FileId", "Sha256" FROM "MediaFiles" WHERE "TenantId" = @tenant AND "Path" = @path
            """, connection);
        find.AddParameter("@tenant", tenant.Name);
        find.AddParameter("@path", path);
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (new MediaEntry(path, reader.GetInt64(0), reader.GetString(1), reader.GetDateTime(2)), reader.GetString(3), reader.GetString(4))
            : null;
    }

    private static async IAsyncEnumerable<Stream> ChunksOf(DbDataReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await reader.ReadAsync(cancellationToken))
        {
            await using var chunk = reader.GetStream(0);
            yield return chunk;
        }
    }

    private async Task<NpgsqlConnection> ConnectAsync(TenantSettings tenant, CancellationToken cancellationToken) =>
        (NpgsqlConnection)await database.OpenTenantConnectionAsync(tenant, database.TenantOptions(tenant), cancellationToken);
}
