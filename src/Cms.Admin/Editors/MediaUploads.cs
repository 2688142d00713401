using Cms.Data;
using Microsoft.AspNetCore.Http;

namespace Cms.Admin.Editors;

/// <summary>
/// Images uploaded from an editor into the practice's media library (the folder the public site serves under
/// /media/). Checked by size, by extension and by the file's first bytes, so a renamed script is not an image.
/// </summary>
public sealed class MediaUploads
{
    public const long MaxBytes = 5 * 1024 * 1024;

    private static readonly Dictionary<string, byte[][]> s_signatures = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = [[0xFF, 0xD8, 0xFF]],
        [".jpeg"] = [[0xFF, 0xD8, 0xFF]],
        [".png"] = [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]],
        [".gif"] = [[0x47, 0x49, 0x46, 0x38]],
        [".webp"] = [[0x52, 0x49, 0x46, 0x46]],
    };

    private readonly CmsDatabase _database;
    private readonly TimeProvider _time;

    internal MediaUploads(CmsDatabase database, TimeProvider time)
    {
        _database = database;
        _time = time;
    }

    /// <summary>Saves the file; returns its media path, or why it was refused.</summary>
    public async Task<(string? Path, string? Error)> SaveAsync(string tenantName, IFormFile file, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (!s_signatures.TryGetValue(extension, out var signatures))
        {
            return (null, $"“{file.FileName}” is not an image this site takes; upload a JPEG, PNG, WebP or GIF file.");
        }

        if (file.Length == 0 || file.Length > MaxBytes)
        {
            return (null, $"“{file.FileName}” is {file.Length / 1024.0 / 1024.0:0.0} MB; images can be at most {MaxBytes / 1024 / 1024} MB. Make it smaller and upload it again.");
        }

        var head = new byte[8];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        }

        if (!signatures.Any(s => head.AsSpan().StartsWith(s)))
        {
            return (null, $"“{file.FileName}” is not really a {extension.TrimStart('.').ToUpperInvariant()} image (its content says otherwise).");
        }

        var now = _time.GetUtcNow();
        var name = Content.LiquidPatterns.Slugify(Path.GetFileNameWithoutExtension(file.FileName));
        var relative = $"uploads/{now:yyyy}/{now:MM}/{(name.Length == 0 ? "image" : name)}-{Guid.NewGuid().ToString("N")[..6]}{extension}";
        var target = Path.Combine(_database.TenantFolder(tenantName), "Media", relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using (var output = File.Create(target))
        {
            await file.CopyToAsync(output, cancellationToken);
        }

        return (relative, null);
    }
}
