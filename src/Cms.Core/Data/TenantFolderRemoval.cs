using Cms.Tenancy;

namespace Cms.Data;

/// <summary>
/// The tenant's folder under the data path, on both providers: on SQLite its media library (editor uploads and recipe
/// media) and its database file, on PostgreSQL this node's copies of its media (the media rows go with its other rows,
/// <see cref="TenantDatabaseRemoval"/>), and recipe uploads waiting to be applied.
/// </summary>
internal sealed class TenantFolderRemoval(CmsDatabase database) : ITenantRemovalHandler
{
    public string Removes => "its folder (media and waiting recipe uploads)";

    public Task RemoveAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        var folder = new DirectoryInfo(database.TenantFolder(tenant.Name));
        if (!folder.Exists)
        {
            return Task.CompletedTask;
        }

        // What is inside first, then the folder itself, which stays (empty) when it cannot go: an operator may mount a
        // volume of its own for each practice there.
        foreach (var entry in folder.EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo directory)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }

        try
        {
            folder.Delete();
        }
        catch (IOException) when (!folder.EnumerateFileSystemInfos().Any())
        {
        }

        return Task.CompletedTask;
    }
}
