using Cms.Data;

namespace Cms.Admin.Editors;

/// <summary>
/// The practice's media library as the editor sees it: the images in the tenant's own Media folder (what the public
/// site serves under /media/), newest first. Nothing outside that folder is listed or found: no "..", no rooted
/// paths, no symbolic links.
/// </summary>
public sealed class MediaLibrary
{
    public const int PageSize = 48;

    // The images the public site serves from the library (PracticePages); other files are not offered.
    private static readonly HashSet<string> s_images = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif" };

    private static readonly EnumerationOptions s_walk = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
    };

    private readonly CmsDatabase _database;

    internal MediaLibrary(CmsDatabase database)
    {
        _database = database;
    }

    /// <summary>One page of the images whose path has every word searched, newest first.</summary>
    public MediaPage List(string tenantName, string? search, int page)
    {
        var root = Root(tenantName);
        if (!Directory.Exists(root))
        {
            return new MediaPage([], 0, 1, false);
        }

        var words = (search ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var files = new DirectoryInfo(root).EnumerateFiles("*", s_walk)
            .Where(f => s_images.Contains(f.Extension))
            .Select(f => (File: f, Path: Path.GetRelativePath(root, f.FullName).Replace(Path.DirectorySeparatorChar, '/')))
            .Where(f => words.All(w => f.Path.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(f => f.File.LastWriteTimeUtc).ThenBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        page = Math.Clamp(page, 1, Math.Max(1, (files.Count + PageSize - 1) / PageSize));
        var shown = files.Skip((page - 1) * PageSize).Take(PageSize)
            .Select(f => new MediaFile(f.Path, f.File.Name, f.File.Length, f.File.LastWriteTimeUtc))
            .ToList();
        return new MediaPage(shown, files.Count, page, page * PageSize < files.Count);
    }

    /// <summary>Whether the path names an image in the library; null when it does, else why not, in words for the editor.</summary>
    public string? Check(string tenantName, string path)
    {
        var root = Root(tenantName) + Path.DirectorySeparatorChar;
        var normalized = path.Replace('\\', '/').TrimStart('/');
        var full = Path.GetFullPath(Path.Combine(root, normalized));
        if (normalized.Split('/').Any(s => s is "" or "." or "..") || Path.IsPathRooted(normalized) || !full.StartsWith(root, StringComparison.Ordinal))
        {
            return $"“{path}” is not a place in the media library. Choose an image from the library, or upload one.";
        }

        if (!s_images.Contains(Path.GetExtension(full)))
        {
            return $"“{path}” is not an image; choose a JPEG, PNG, WebP or GIF file.";
        }

        var file = new FileInfo(full);
        return file.Exists && file.LinkTarget is null
            ? null
            : $"There is no image “{path}” in the media library. Check the spelling, choose one from the library, or upload it.";
    }

    private string Root(string tenantName) => Path.GetFullPath(Path.Combine(_database.TenantFolder(tenantName), "Media"));
}
