using System.Text.Json;
using Cms.Data;
using Cms.Recipes.Execution;
using Cms.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace Cms.Recipes.Background;

/// <summary>
/// The status of each import started from the admin. On PostgreSQL in the shared database, as one chunk of
/// <c>MediaChunks</c> under an id starting <c>status</c> that no media file has (as <see cref="HeldRecipes"/> keeps its
/// uploads), so the status page answers on every node; on SQLite (one node) as a small file beside the held uploads,
/// replaced whole so a reader never sees half of one. Each is kept for a week after its import finished.
/// </summary>
internal sealed class RecipeImportStatuses(CmsDatabase database, TimeProvider time)
{
    /// <summary>How long a finished import's status stays readable.</summary>
    private static readonly TimeSpan s_kept = TimeSpan.FromDays(7);

    public async Task SaveAsync(TenantSettings tenant, RecipeImportStatus status, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(status);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await using var connection = await ConnectAsync(tenant, cancellationToken);
            await using var upsert = new NpgsqlCommand("""
                INSERT INTO "MediaChunks" ("TenantId", "FileId", "Number", "Data") VALUES (@tenant, @file, 0, @data)
                ON CONFLICT ("TenantId", "FileId", "Number") DO UPDATE SET "Data" = excluded."Data"
                """, connection);
            upsert.AddParameter("@tenant", tenant.Name);
            upsert.AddParameter("@file", ChunksId(status.Id));
            upsert.Parameters.Add(new NpgsqlParameter("@data", NpgsqlDbType.Bytea) { Value = json });
            await upsert.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        var file = File(tenant, status.Id);
        var writing = $"{file}.{Guid.NewGuid():N}.writing";
        await System.IO.File.WriteAllBytesAsync(writing, json, cancellationToken);
        System.IO.File.Move(writing, file, overwrite: true);
    }

    /// <summary>The import's status as it stands now: one whose node stopped without saying so is read as stopped.</summary>
    public async Task<RecipeImportStatus?> FindAsync(TenantSettings tenant, string id, CancellationToken cancellationToken) =>
        (await ReadAsync(tenant, id, cancellationToken))?.AsOf(time.GetUtcNow());

    private async Task<RecipeImportStatus?> ReadAsync(TenantSettings tenant, string id, CancellationToken cancellationToken)
    {
        if (!HeldRecipes.IsId(id))
        {
            return null;
        }

        if (database.Provider == DatabaseProvider.Postgres)
        {
            await using var connection = await ConnectAsync(tenant, cancellationToken);
            await using var select = new NpgsqlCommand("""SELECT "Data" FROM "MediaChunks" WHERE "TenantId" = @tenant AND "FileId" = @file AND "Number" = 0""", connection);
            select.AddParameter("@tenant", tenant.Name);
            select.AddParameter("@file", ChunksId(id));
            return await select.ExecuteScalarAsync(cancellationToken) is byte[] json ? JsonSerializer.Deserialize<RecipeImportStatus>(json) : null;
        }

        if (!System.IO.File.Exists(File(tenant, id)))
        {
            return null;
        }

        await using var stream = System.IO.File.OpenRead(File(tenant, id));
        return await JsonSerializer.DeserializeAsync<RecipeImportStatus>(stream, cancellationToken: cancellationToken);
    }

    /// <summary>Forgets the statuses of imports that finished, or were last heard of, a week ago or more.</summary>
    public async Task PruneAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - s_kept;
        if (database.Provider == DatabaseProvider.Postgres)
        {
            // The CASE: a media file's chunks are no JSON, and the database may test the conditions in any order.
            await using var connection = await ConnectAsync(tenant, cancellationToken);
            await using var delete = new NpgsqlCommand("""
                DELETE FROM "MediaChunks" WHERE "TenantId" = @tenant AND "FileId" LIKE 'status%' AND "Number" = 0
                  AND CASE WHEN "FileId" LIKE 'status%'
                      THEN (SELECT coalesce(s->>'FinishedUtc', s->>'UpdatedUtc', s->>'StartedUtc')::timestamptz
                            FROM (SELECT convert_from("Data", 'UTF8')::jsonb AS s) AS status) < @before
                      ELSE false END
                """, connection);
            delete.AddParameter("@tenant", tenant.Name);
            delete.AddParameter("@before", before);
            await delete.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        foreach (var file in new DirectoryInfo(Folder(tenant)).EnumerateFiles("*.status.json"))
        {
            if (await LastHeardOfAsync(file, cancellationToken) is not { } heard || heard < before)
            {
                file.Delete();
            }
        }
    }

    // When the status file's import finished or was last saved; null when the file is not a status (cut short by a full disk).
    private static async Task<DateTimeOffset?> LastHeardOfAsync(FileInfo file, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenRead();
        try
        {
            return await JsonSerializer.DeserializeAsync<RecipeImportStatus>(stream, cancellationToken: cancellationToken) is { } status
                ? status.FinishedUtc ?? status.UpdatedUtc ?? status.StartedUtc
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Chunk ids are 32 characters; media's are hex digits only and held uploads' start "recipe".
    private static string ChunksId(string id) => "status" + id[..26];

    private string File(TenantSettings tenant, string id) =>
        HeldRecipes.IsId(id) ? Path.Combine(Folder(tenant), id + ".status.json") : throw new ArgumentException($"'{id}' is not the id of an import.", nameof(id));

    private string Folder(TenantSettings tenant) =>
        Directory.CreateDirectory(Path.Combine(database.TenantFolder(tenant.Name), HeldRecipes.FolderName)).FullName;

    private async Task<NpgsqlConnection> ConnectAsync(TenantSettings tenant, CancellationToken cancellationToken) =>
        (NpgsqlConnection)await database.OpenTenantConnectionAsync(tenant, database.TenantOptions(tenant), cancellationToken);
}
