using Cms.Tenancy;

namespace Cms.Data;

/// <summary>
/// The tenant's folder under the data path, on both providers: its media library (editor uploads and recipe media),
/// recipe uploads waiting to be applied, and on SQLite its database file.
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
