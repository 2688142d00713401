using System.Data;
using Cms.Data;
using Cms.Media;
using Cms.Tenancy;
using Npgsql;

namespace Cms.Recipes.Execution;

/// <summary>
/// Recipes uploaded on the Import page, waiting between the check and the Apply or Cancel. Read from a file in the
/// practice's folder (<c>PendingRecipes</c>), never from memory. On PostgreSQL the content is also kept in the shared
/// database, as chunks of <c>MediaChunks</c> under an id starting <c>recipe</c> that no media file has, so whichever
/// node the next step reaches finds it (copied to its own folder first), and a Cancel or Apply on one node ends the wait
/// on all of them.
/// </summary>
internal sealed class HeldRecipes(CmsDatabase database)
{
    public const string FolderName = "PendingRecipes";

    /// <summary>An id the upload is held under: 32 lowercase hex digits, nothing a path could be made of.</summary>
    public static bool IsId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    /// <summary>Holds the upload; returns the file on this node to read it from.</summary>
    public async Task<string> HoldAsync(TenantSettings tenant, string id, Stream content, CancellationToken cancellationToken)
    {
        var file = LocalFile(tenant, id);
        await using (var target = File.Create(file))
        {
            await content.CopyToAsync(target, cancellationToken);
        }

        if (database.Provider == DatabaseProvider.Postgres)
        {
            await using var connection = await ConnectAsync(tenant, cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var copy = File.OpenRead(file);
            await PostgresMediaStore.WriteChunksAsync(connection, tenant, ChunksId(id), copy, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return file;
    }

    /// <summary>A file on this node holding the upload, or null when it is not waiting (applied, cancelled, never held).</summary>
    private async Task<string?> LocalCopyAsync(TenantSettings tenant, string id, CancellationToken cancellationToken)
    {
        var file = LocalFile(tenant, id);
        if (database.Provider != DatabaseProvider.Postgres)
        {
            return File.Exists(file) ? file : null;
        }

        // The database decides: a copy left here after another node ended the wait is not waiting any more.
        await using var connection = await ConnectAsync(tenant, cancellationToken);
        await using (var held = new NpgsqlCommand("""SELECT 1 FROM "MediaChunks" WHERE "TenantId" = @tenant AND "FileId" = @file AND "Number" = 0""", connection))
        {
            held.AddParameter("@tenant", tenant.Name);
            held.AddParameter("@file", ChunksId(id));
            if (await held.ExecuteScalarAsync(cancellationToken) is null)
            {
                File.Delete(file);
                return null;
            }
        }

        if (!File.Exists(file))
        {
            // Checked by another node: its chunks are copied here, one at a time.
            await using var chunks = new NpgsqlCommand("""SELECT "Data" FROM "MediaChunks" WHERE "TenantId" = @tenant AND "FileId" = @file ORDER BY "Number" """, connection);
            chunks.AddParameter("@tenant", tenant.Name);
            chunks.AddParameter("@file", ChunksId(id));
            await using var reader = await chunks.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
            var writing = file + ".writing";
            await using (var target = File.Create(writing))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    await using var chunk = reader.GetStream(0);
                    await chunk.CopyToAsync(target, cancellationToken);
                }
            }

            File.Move(writing, file, overwrite: true);
        }

        return file;
    }

    /// <summary>
    /// Ends the wait and hands the upload to this caller alone: a file on this node only it reads (delete it when done),
    /// or null when it is not waiting or another request, on any node, took it first. So an upload is applied once.
    /// </summary>
    public async Task<string?> TakeAsync(TenantSettings tenant, string id, CancellationToken cancellationToken)
    {
        if (await LocalCopyAsync(tenant, id, cancellationToken) is not { } file)
        {
            return null;
        }

        if (database.Provider == DatabaseProvider.Postgres)
        {
            await using var connection = await ConnectAsync(tenant, cancellationToken);
            if (await DeleteChunksAsync(connection, tenant, id, cancellationToken) == 0)
            {
                File.Delete(file);
                return null;
            }
        }

        var taken = $"{file}.taken-{Guid.NewGuid():N}";
        try
        {
            File.Move(file, taken);
            return taken;
        }
        catch (FileNotFoundException)
        {
            // Another request on this node moved it first.
            return null;
        }
    }

    /// <summary>Ends the wait: the upload is gone from this node and, on PostgreSQL, from every node.</summary>
    public async Task ReleaseAsync(TenantSettings tenant, string id, CancellationToken cancellationToken)
    {
        File.Delete(LocalFile(tenant, id));
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await using var connection = await ConnectAsync(tenant, cancellationToken);
            await DeleteChunksAsync(connection, tenant, id, cancellationToken);
        }
    }

    private static async Task<int> DeleteChunksAsync(NpgsqlConnection connection, TenantSettings tenant, string id, CancellationToken cancellationToken)
    {
        await using var delete = new NpgsqlCommand("""DELETE FROM "MediaChunks" WHERE "TenantId" = @tenant AND "FileId" = @file""", connection);
        delete.AddParameter("@tenant", tenant.Name);
        delete.AddParameter("@file", ChunksId(id));
        return await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    // Chunk ids are 32 characters; media's are hex digits only, so one starting "recipe" is never a media file's.
    private static string ChunksId(string id) => "recipe" + id[..26];

    private string LocalFile(TenantSettings tenant, string id)
    {
        if (!IsId(id))
        {
            throw new ArgumentException($"'{id}' is not the id of a held recipe.", nameof(id));
        }

        var folder = Path.Combine(database.TenantFolder(tenant.Name), FolderName);
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, id + ".json");
    }

    private async Task<NpgsqlConnection> ConnectAsync(TenantSettings tenant, CancellationToken cancellationToken) =>
        (NpgsqlConnection)await database.OpenTenantConnectionAsync(tenant, database.TenantOptions(tenant), cancellationToken);
}
