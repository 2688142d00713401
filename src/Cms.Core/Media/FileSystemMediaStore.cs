using Cms.Data;
using Cms.Tenancy;

namespace Cms.Media;

/// <summary>
/// The media library as a folder per practice, <c>&lt;data path&gt;/Sites/&lt;tenant&gt;/Media</c>: what a single host on
/// SQLite uses. Nothing outside that folder is read or written: no "..", no rooted paths, no symbolic links.
/// </summary>
internal sealed class FileSystemMediaStore(CmsDatabase database) : IMediaStore
{
    public const string FolderName = "Media";

    private static readonly EnumerationOptions s_walk = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.System | FileAttributes.ReparsePoint,
    };

    public async Task WriteAsync(TenantSettings tenant, string path, Stream content, CancellationToken cancellationToken)
    {
        var target = FullPath(tenant, MediaPaths.Checked(path))
            ?? throw new ArgumentException($"The media path '{path}' must be a relative path inside the media library, without '..'.", nameof(path));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Written in the practice's folder, outside the library, then moved over its target: a reader sees the old file
        // or the new one, and a write cut short leaves nothing in the library.
        var writing = Path.Combine(database.TenantFolder(tenant.Name), $".writing-{Guid.NewGuid():N}");
        try
        {
            await using (var output = new FileStream(writing, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(output, cancellationToken);
            }

            File.Move(writing, target, overwrite: true);
        }
        finally
        {
            File.Delete(writing);
        }
    }

    public Task<MediaEntry?> FindAsync(TenantSettings tenant, string path, CancellationToken cancellationToken) =>
        Task.FromResult(Existing(tenant, path) is { } file ? Entry(file.Info, file.Path) : null);

    public Task<MediaOnDisk?> OpenAsync(TenantSettings tenant, string path, CancellationToken cancellationToken) =>
        Task.FromResult(Existing(tenant, path) is { } file ? new MediaOnDisk(Entry(file.Info, file.Path), file.Info.FullName) : null);

    public Task<bool> DeleteAsync(TenantSettings tenant, string path, CancellationToken cancellationToken)
    {
        MediaPaths.Checked(path);
        if (Existing(tenant, path) is not { } file)
        {
            return Task.FromResult(false);
        }

        file.Info.Delete();
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<MediaEntry>> ListAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        var root = Root(tenant);
        IReadOnlyList<MediaEntry> entries = Directory.Exists(root)
            ? new DirectoryInfo(root).EnumerateFiles("*", s_walk)
                .Select(f => Entry(f, Path.GetRelativePath(root, f.FullName).Replace(Path.DirectorySeparatorChar, '/')))
                .OrderBy(e => e.Path, StringComparer.Ordinal)
                .ToList()
            : [];
        return Task.FromResult(entries);
    }

    private static MediaEntry Entry(FileInfo file, string path) => new(path, file.Length, AcceptedMedia.ContentType(path), file.LastWriteTimeUtc);

    private (FileInfo Info, string Path)? Existing(TenantSettings tenant, string path)
    {
        if (MediaPaths.Problem(path) is not null)
        {
            return null;
        }

        var normalized = MediaPaths.Normalize(path);
        var full = FullPath(tenant, normalized);
        var file = full is null ? null : new FileInfo(full);
        return file is { Exists: true, LinkTarget: null } ? (file, normalized) : null;
    }

    /// <summary>The file's place under the practice's media folder, or null when the path leads out of it.</summary>
    private string? FullPath(TenantSettings tenant, string normalized)
    {
        var root = Root(tenant) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, normalized));
        return full.StartsWith(root, StringComparison.Ordinal) ? full : null;
    }

    private string Root(TenantSettings tenant) => Path.GetFullPath(Path.Combine(database.TenantFolder(tenant.Name), FolderName));
}
