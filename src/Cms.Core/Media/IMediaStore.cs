using Cms.Tenancy;

namespace Cms.Media;

/// <summary>
/// Where a practice's media library lives: the one way every reader and writer of media (uploads, the library, recipes,
/// export, the public site, removal) reaches the files. On SQLite, a folder per practice under the data path; on
/// PostgreSQL, rows in the shared database, so what one node receives every node serves. Paths are relative to the
/// library (<see cref="MediaPaths"/>); one that is not is refused with an <see cref="ArgumentException"/>.
/// </summary>
public interface IMediaStore
{
    /// <summary>Stores the content at the path, replacing what was there; readers see the old file or the new one, whole.</summary>
    Task WriteAsync(TenantSettings tenant, string path, Stream content, CancellationToken cancellationToken);

    /// <summary>The file at the path, or null when there is none (or the path is not one in the library).</summary>
    Task<MediaEntry?> FindAsync(TenantSettings tenant, string path, CancellationToken cancellationToken);

    /// <summary>
    /// The file with a local copy of its content to read or serve (ranges and all), or null when there is none. The
    /// copy is the store's: read it, never change it.
    /// </summary>
    Task<MediaOnDisk?> OpenAsync(TenantSettings tenant, string path, CancellationToken cancellationToken);

    /// <summary>Removes the file; false when there was none.</summary>
    Task<bool> DeleteAsync(TenantSettings tenant, string path, CancellationToken cancellationToken);

    /// <summary>Every file in the practice's library, in path order.</summary>
    Task<IReadOnlyList<MediaEntry>> ListAsync(TenantSettings tenant, CancellationToken cancellationToken);
}
