using System.Collections.Concurrent;
using System.Security.Cryptography;
using Cms.Data;
using Cms.Tenancy;
using SkiaSharp;

namespace Cms.Media;

/// <summary>An image of the media library as a page links it: its version (the start of its content's SHA-256) and its size in pixels.</summary>
public sealed record MediaImage(string Path, string Version, int Width, int Height, bool Resizable);

/// <summary>What to send for a media URL: a local file with the library's entry for it, the image's description, and the width of the resized copy (null: the file as stored).</summary>
public sealed record ServedMedia(string FilePath, MediaEntry Entry, MediaImage? Image, int? Width)
{
    /// <summary>The entity tag of what is sent: the content's version, and the width of a resized copy.</summary>
    public string? ETag => Image is null ? null : Width is { } width ? $"\"{Image.Version}-{width}\"" : $"\"{Image.Version}\"";
}

/// <summary>
/// The media library's images as the public site serves them: each described by a version taken from its content (so a
/// page can link it at a URL that changes when the file does, and that URL can be cached for a year) and its size, and
/// resized to the narrower <see cref="Widths"/> for a <c>srcset</c>. A resized copy is made when it is first asked for,
/// from the file's content, and kept in a folder of this node outside the library (<c>Sites/&lt;tenant&gt;/MediaSizes</c>),
/// named by the content's hash and the width: the library lists only what was uploaded, a replaced file never gets its
/// old copies, every node makes its own from the same content, and a copy is never wider than its image (no upscaling).
/// </summary>
#pragma warning disable CA1001 // The semaphore is only waited on asynchronously: it never makes a wait handle to release.
public sealed class MediaImages
#pragma warning restore CA1001
{
    public const string FolderName = "MediaSizes";

    /// <summary>The site path a library file is served at (<c>/media/…</c>), each segment escaped: a space or a comma stays in its URL.</summary>
    public static string SitePath(string path) => "/media/" + string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    /// <summary>The widths an image is offered at besides its own: a portrait's 2x, a card's or a phone's, a wide screen's.</summary>
    public static readonly IReadOnlyList<int> Widths = [400, 800, 1600];

    // 64 bits of the hash: two files of one practice sharing a version (and so their resized copies) is beyond reach.
    private const int VersionLength = 16;

    // Photos resized to at most a third of their pixels: 82 shows no loss at the size they are shown.
    private const int Quality = 82;

    // Descriptions kept; past this many they are dropped and read again as pages ask for them.
    private const int MaxDescribed = 20_000;

    private readonly IMediaStore _store;
    private readonly CmsDatabase _database;
    private readonly TenantChanges _changes;
    private readonly ConcurrentDictionary<(string Tenant, string Path), (long Length, DateTime Modified, MediaImage Image)> _described = new();

    // Decoding a 40-megapixel photo takes a core for a moment and about 160 MB: at most half the cores do it at once.
    private readonly SemaphoreSlim _resizing = new(Math.Max(1, Environment.ProcessorCount / 2));

    internal MediaImages(IMediaStore store, CmsDatabase database, TenantChanges changes)
    {
        _store = store;
        _database = database;
        _changes = changes;
    }

    /// <summary>
    /// Writes new content over a file of the library that pages may show. Pages link an image by its version, so the
    /// write raises a media change: the practice's cached pages are rendered again with the new version, on every node.
    /// This node's copies of the content replaced are removed (another node's stay, never served again, until its folder
    /// is cleared, as its copies of the files themselves do).
    /// </summary>
    public async Task ReplaceAsync(TenantSettings tenant, string path, Stream content, CancellationToken cancellationToken)
    {
        var replaced = Remembered(tenant, path);
        await _store.WriteAsync(tenant, path, content, cancellationToken);
        await ChangedAsync(tenant, [replaced]);
    }

    /// <summary>
    /// Writes the files a recipe brings (each from a local file), over whatever the library had at their paths, as one
    /// media change. Every one is written, even when the caller has stopped waiting: the database has committed them.
    /// </summary>
    public async Task WriteAllAsync(TenantSettings tenant, IReadOnlyList<(string Path, string File)> files)
    {
        var replaced = new List<MediaImage?>();
        foreach (var (path, file) in files)
        {
            replaced.Add(Remembered(tenant, path));
            await using var content = File.OpenRead(file);
            await _store.WriteAsync(tenant, path, content, CancellationToken.None);
        }

        await ChangedAsync(tenant, replaced);
    }

    /// <summary>Removes a file of the library, with this node's copies of it; false when there was none.</summary>
    public async Task<bool> DeleteAsync(TenantSettings tenant, string path, CancellationToken cancellationToken)
    {
        var removed = Remembered(tenant, path);
        if (!await _store.DeleteAsync(tenant, path, cancellationToken))
        {
            return false;
        }

        await ChangedAsync(tenant, [removed]);
        return true;
    }

    /// <summary>The image at the library path, or null when there is none (or it is not an image that decodes).</summary>
    public async Task<MediaImage?> DescribeAsync(TenantSettings tenant, string path, CancellationToken cancellationToken)
    {
        if (MediaPaths.Problem(path) is not null || AcceptedMedia.CheckName(path) is not null
            || await _store.FindAsync(tenant, path, cancellationToken) is not { } entry)
        {
            return null;
        }

        return Known(tenant, entry) ?? (await _store.OpenAsync(tenant, path, cancellationToken) is { } file ? Describe(tenant, file) : null);
    }

    /// <summary>
    /// The file to serve for the library path at the width (null: the image as stored) with its description: a copy
    /// resized to the width when the image is wider and the copy smaller, else the image itself. Null when there is no such image; a width
    /// not among <see cref="Widths"/> is the caller's to refuse.
    /// </summary>
    public async Task<ServedMedia?> OpenAsync(TenantSettings tenant, string path, int? width, CancellationToken cancellationToken)
    {
        if (await _store.OpenAsync(tenant, path, cancellationToken) is not { } file)
        {
            return null;
        }

        var image = Known(tenant, file.Entry) ?? Describe(tenant, file);
        if (width is not { } wanted || image is not { Resizable: true } || wanted >= image.Width)
        {
            return new ServedMedia(file.FilePath, file.Entry, image, null);
        }

        // A copy that came out no smaller (a small, well-compressed PNG encoded again) is not worth sending: the file is.
        var sized = await SizedAsync(tenant, file, image, wanted, cancellationToken) is { } made ? new FileInfo(made) : null;
        return sized is null || sized.Length >= file.Entry.Length
            ? new ServedMedia(file.FilePath, file.Entry, image, null)
            : new ServedMedia(sized.FullName, file.Entry with { Length = sized.Length }, image, wanted);
    }

    // After a file's content went: its copies here go too (a file of the same content elsewhere in the library makes them
    // again when asked), and every node hears of it. Done already: a request cancelled now must not stop either.
    private async Task ChangedAsync(TenantSettings tenant, IEnumerable<MediaImage?> gone)
    {
        var folder = Path.Combine(_database.TenantFolder(tenant.Name), FolderName);
        foreach (var image in Directory.Exists(folder) ? gone.OfType<MediaImage>() : [])
        {
            foreach (var copy in Directory.EnumerateFiles(folder, image.Version + "-*"))
            {
                try
                {
                    File.Delete(copy);
                }
                catch (IOException)
                {
                    // Being served right now; it is never found again, so it only waits for the folder to be cleared.
                }
            }
        }

        await _changes.RaiseAsync(new TenantChange(tenant.Name, ChangeKinds.Media, []), CancellationToken.None);
    }

    // The file as this node last described it: only a file described here can have copies here.
    private MediaImage? Remembered(TenantSettings tenant, string path) =>
        MediaPaths.Problem(path) is null && _described.TryGetValue((tenant.Name, MediaPaths.Normalize(path)), out var known) ? known.Image : null;

    private MediaImage? Known(TenantSettings tenant, MediaEntry entry) =>
        _described.TryGetValue((tenant.Name, entry.Path), out var known) && known.Length == entry.Length && known.Modified == entry.ModifiedUtc ? known.Image : null;

    private MediaImage? Describe(TenantSettings tenant, MediaOnDisk file)
    {
        string sha256;
        using (var stream = File.OpenRead(file.FilePath))
        {
            sha256 = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        using var codec = SKCodec.Create(file.FilePath);
        if (codec is null)
        {
            return null;
        }

        // An animation (GIF, APNG, WebP) would lose its frames in a copy. Uploads are stored upright (StrippedImage), but a
        // file stored before that may still carry an EXIF orientation, which browsers follow: the size is as shown.
        var sideways = ImageOrientation.IsSideways(codec.EncodedOrigin);
        var image = new MediaImage(
            file.Entry.Path,
            sha256[..VersionLength],
            sideways ? codec.Info.Height : codec.Info.Width,
            sideways ? codec.Info.Width : codec.Info.Height,
            codec.EncodedFormat is SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp && codec.FrameCount <= 1);
        if (_described.Count >= MaxDescribed)
        {
            _described.Clear();
        }

        _described[(tenant.Name, file.Entry.Path)] = (file.Entry.Length, file.Entry.ModifiedUtc, image);
        return image;
    }

    // The copy at the width, made now if this node has none; null when the image does not decode any more.
    private async Task<string?> SizedAsync(TenantSettings tenant, MediaOnDisk file, MediaImage image, int width, CancellationToken cancellationToken)
    {
        var target = Path.Combine(_database.TenantFolder(tenant.Name), FolderName, $"{image.Version}-{width}{Path.GetExtension(file.Entry.Path).ToLowerInvariant()}");
        if (File.Exists(target))
        {
            return target;
        }

        await _resizing.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(target))
            {
                return target;
            }

            // Read once, and resized only if it is still the content named: a file replaced since it was described
            // must not leave its new picture under the old version's name.
            var content = await File.ReadAllBytesAsync(file.FilePath, cancellationToken);
            if (!Convert.ToHexStringLower(SHA256.HashData(content)).StartsWith(image.Version, StringComparison.Ordinal)
                || Resize(content, width, (int)Math.Max(1, Math.Round((double)image.Height * width / image.Width))) is not { } bytes)
            {
                return null;
            }

            // Written beside it and moved into place: a reader finds the whole copy or none. Not named by the version,
            // so removing a version's copies never takes a copy being written.
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var writing = Path.Combine(Path.GetDirectoryName(target)!, $".writing-{Guid.NewGuid():N}");
            try
            {
                await File.WriteAllBytesAsync(writing, bytes, cancellationToken);
                File.Move(writing, target, overwrite: true);
            }
            finally
            {
                File.Delete(writing);
            }

            return target;
        }
        finally
        {
            _resizing.Release();
        }
    }

    private static byte[]? Resize(byte[] content, int width, int height)
    {
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return null;
        }

        // A JPEG decodes straight to an eighth, a quarter or a half of its size, several times faster than whole: the
        // smallest of those still as large as the copy is decoded, turned upright if its EXIF says so (the copy carries
        // no EXIF), then resized.
        var sideways = ImageOrientation.IsSideways(codec.EncodedOrigin);
        var (storedWidth, storedHeight) = sideways ? (height, width) : (width, height);
        var scaled = codec.GetScaledDimensions((float)storedWidth / codec.Info.Width);
        var decodeAt = scaled.Width >= storedWidth && scaled.Height >= storedHeight ? codec.Info.WithSize(scaled.Width, scaled.Height) : codec.Info;
        using var decoded = SKBitmap.Decode(codec, decodeAt);
        if (decoded is null)
        {
            return null;
        }

        using var upright = codec.EncodedOrigin == SKEncodedOrigin.TopLeft ? null : ImageOrientation.Upright(decoded, codec.EncodedOrigin);
        var shown = upright ?? decoded;
        using var resized = shown.Resize(new SKImageInfo(width, height, shown.ColorType, shown.AlphaType), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var encoded = resized?.Encode(codec.EncodedFormat, Quality);
        return encoded?.ToArray();
    }
}
