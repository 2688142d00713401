using System.Text.Json;
using Cms.Data;
using Cms.Recipes.Execution;
using Cms.Tenancy;

namespace Cms.Recipes.Background;

/// <summary>
/// The status of each import started from the admin, as a small file beside the held uploads in the practice's folder
/// (replaced whole, so a reader never sees half of one). A node shows the imports it ran: its own folder, unless the
/// data folder is shared.
/// </summary>
internal sealed class RecipeImportStatuses(CmsDatabase database)
{
    /// <summary>How long a finished import's status stays readable.</summary>
    private static readonly TimeSpan s_kept = TimeSpan.FromDays(7);

    public async Task SaveAsync(TenantSettings tenant, RecipeImportStatus status, CancellationToken cancellationToken)
    {
        var file = File(tenant, status.Id);
        var writing = $"{file}.{Guid.NewGuid():N}.writing";
        await System.IO.File.WriteAllBytesAsync(writing, JsonSerializer.SerializeToUtf8Bytes(status), cancellationToken);
        System.IO.File.Move(writing, file, overwrite: true);
    }

    public async Task<RecipeImportStatus?> FindAsync(TenantSettings tenant, string id, CancellationToken cancellationToken)
    {
        if (!HeldRecipes.IsId(id) || !System.IO.File.Exists(File(tenant, id)))
        {
            return null;
        }

        await using var stream = System.IO.File.OpenRead(File(tenant, id));
        return await JsonSerializer.DeserializeAsync<RecipeImportStatus>(stream, cancellationToken: cancellationToken);
    }

    /// <summary>Forgets the results of imports finished long ago.</summary>
    public void Prune(TenantSettings tenant, DateTimeOffset now)
    {
        foreach (var old in new DirectoryInfo(Folder(tenant)).EnumerateFiles("*.status.json").Where(f => f.LastWriteTimeUtc < now.UtcDateTime - s_kept))
        {
            old.Delete();
        }
    }

    private string File(TenantSettings tenant, string id) =>
        HeldRecipes.IsId(id) ? Path.Combine(Folder(tenant), id + ".status.json") : throw new ArgumentException($"'{id}' is not the id of an import.", nameof(id));

    private string Folder(TenantSettings tenant) =>
        Directory.CreateDirectory(Path.Combine(database.TenantFolder(tenant.Name), HeldRecipes.FolderName)).FullName;
}
