using Cms.Data;
using Cms.Tenancy;
using Microsoft.Extensions.Logging;

namespace Cms.Media;

/// <summary>
/// On PostgreSQL, media an earlier version kept in this node's folder (<c>Sites/&lt;tenant&gt;/Media</c>) move into the
/// shared store when the practice is activated, so every node serves them. A file the store already has is left as it
/// is there. The folder is then renamed, not deleted: nothing is lost, and it is not read again.
/// </summary>
internal sealed class MediaFolderMove(CmsDatabase database, IMediaStore store, TimeProvider time, ILogger<MediaFolderMove> logger)
{
    private readonly FileSystemMediaStore _folder = new(database);

    public async Task RunAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        var root = Path.Combine(database.TenantFolder(tenant.Name), FileSystemMediaStore.FolderName);
        if (database.Provider != DatabaseProvider.Postgres || !Directory.Exists(root))
        {
            return;
        }

        var moved = 0;
        foreach (var entry in await _folder.ListAsync(tenant, cancellationToken))
        {
            if (await store.FindAsync(tenant, entry.Path, cancellationToken) is not null)
            {
                continue;
            }

            if (MediaPaths.Problem(entry.Path) is { } problem)
            {
                logger.LogWarning("Media file {Path} of practice {Tenant} was not moved into the shared store: {Problem}", entry.Path, tenant.Name, problem);
                continue;
            }

            var file = await _folder.OpenAsync(tenant, entry.Path, cancellationToken);
            await using var content = File.OpenRead(file!.FilePath);
            await store.WriteAsync(tenant, entry.Path, content, cancellationToken);
            moved++;
        }

        var kept = $"{root}.moved-{time.GetUtcNow():yyyyMMddHHmmss}";
        try
        {
            Directory.Move(root, kept);
            logger.LogWarning("Moved {Count} media files of practice {Tenant} from this node's folder into the shared database; the folder is kept as {Folder}", moved, tenant.Name, kept);
        }
        catch (IOException e)
        {
            // A mount point cannot be renamed: the files are in the store now, and the next activation skips them.
            logger.LogWarning(e, "Moved {Count} media files of practice {Tenant} into the shared database; the folder {Folder} could not be renamed and is read again at the next start", moved, tenant.Name, root);
        }
    }
}
