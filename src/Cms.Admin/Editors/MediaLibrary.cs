using Cms.Media;
using Cms.Tenancy;

namespace Cms.Admin.Editors;

/// <summary>
/// The practice's media library as the editor sees it: the images in the tenant's own media store (what the public
/// site serves under /media/), newest first. Nothing outside it is listed or found: no "..", no rooted paths (see
/// <see cref="MediaPaths"/>), no symbolic links.
/// </summary>
public sealed class MediaLibrary
{
    public const int PageSize = 48;

    // The images the public site serves from the library (PracticePages); other files are not offered.
    private static readonly HashSet<string> s_images = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif" };

    private readonly IMediaStore _store;

    internal MediaLibrary(IMediaStore store)
    {
        _store = store;
    }

    /// <summary>One page of the images whose path has every word searched (and is not left out), newest first.</summary>
    public async Task<MediaPage> ListAsync(TenantSettings tenant, string? search, int page, IReadOnlySet<string>? leaveOut, CancellationToken cancellationToken)
    {
        var words = (search ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var files = (await _store.ListAsync(tenant, cancellationToken))
            .Where(f => s_images.Contains(Path.GetExtension(f.Path)))
            .Where(f => words.All(w => f.Path.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .Where(f => leaveOut is null || !leaveOut.Contains(f.Path))
            .OrderByDescending(f => f.ModifiedUtc).ThenBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        page = Math.Clamp(page, 1, Math.Max(1, (files.Count + PageSize - 1) / PageSize));
        var shown = files.Skip((page - 1) * PageSize).Take(PageSize)
            .Select(f => new MediaFile(f.Path, f.Name, f.Length, f.ModifiedUtc))
            .ToList();
        return new MediaPage(shown, files.Count, page, page * PageSize < files.Count);
    }

    /// <summary>Whether the path names an image in the library; null when it does, else why not, in words for the editor.</summary>
    public async Task<string?> CheckAsync(TenantSettings tenant, string path, CancellationToken cancellationToken)
    {
        if (MediaPaths.Problem(path) is not null)
        {
            return $"“{path}” is not a place in the media library. Choose an image from the library, or upload one.";
        }

        if (!s_images.Contains(Path.GetExtension(path)))
        {
            return $"“{path}” is not an image; choose a JPEG, PNG, WebP or GIF file.";
        }

        return await _store.FindAsync(tenant, path, cancellationToken) is not null
            ? null
            : $"There is no image “{path}” in the media library. Check the spelling, choose one from the library, or upload it.";
    }
}
