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
        var folder = database.TenantFolder(tenant.Name);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}
