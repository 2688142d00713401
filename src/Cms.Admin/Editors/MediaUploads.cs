using Cms.Media;
using Cms.Tenancy;
using Microsoft.AspNetCore.Http;

namespace Cms.Admin.Editors;

/// <summary>
/// Images uploaded from an editor into the practice's media library (<see cref="IMediaStore"/>, which the public site
/// serves under /media/), checked by the rule recipes' media are checked by too (<see cref="AcceptedMedia"/>) and stored
/// without their metadata (<see cref="StrippedImage"/>).
/// </summary>
public sealed class MediaUploads
{
    private readonly IMediaStore _store;
    private readonly TimeProvider _time;
    private readonly MediaImages _images;

    internal MediaUploads(IMediaStore store, TimeProvider time, MediaImages images)
    {
        _store = store;
        _time = time;
        _images = images;
    }

    /// <summary>Saves the file; returns its media path, or why it was refused.</summary>
    public async Task<(string? Path, string? Error)> SaveAsync(TenantSettings tenant, IFormFile file, CancellationToken cancellationToken)
    {
        var (stripped, refused) = await ReadAsync(file, cancellationToken);
        if (stripped is null)
        {
            return (null, refused);
        }

        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        var now = _time.GetUtcNow();
        var name = Content.LiquidPatterns.Slugify(Path.GetFileNameWithoutExtension(file.FileName));
        var relative = $"uploads/{now:yyyy}/{now:MM}/{(name.Length == 0 ? "image" : name)}-{Guid.NewGuid().ToString("N")[..6]}{extension}";
        using (var content = new MemoryStream(stripped, writable: false))
        {
            await _store.WriteAsync(tenant, relative, content, cancellationToken);
        }

        return (relative, null);
    }

    /// <summary>
    /// Writes the file's content over the library's file at the path, so every page using it shows the new one; null when
    /// done, else why not. The new content is checked as an upload is, and must be the type the path's name says (the
    /// public site serves media by extension).
    /// </summary>
    public async Task<string?> ReplaceAsync(TenantSettings tenant, string path, IFormFile file, CancellationToken cancellationToken)
    {
        if (await _store.FindAsync(tenant, path, cancellationToken) is null)
        {
            return $"There is no file “{path}” in the media library to replace.";
        }

        // Checked and stripped of its metadata as an upload is: a replacement must not bring back a GPS position.
        var (stripped, refused) = await ReadAsync(file, cancellationToken, replacing: path);
        if (stripped is null)
        {
            return refused;
        }

        using (var content = new MemoryStream(stripped, writable: false))
        {
            await _images.ReplaceAsync(tenant, path, content, cancellationToken);
        }

        return null;
    }

    // The upload's bytes when they are an image this library takes, without their metadata; else why not.
    private static async Task<(byte[]? Bytes, string? Error)> ReadAsync(IFormFile file, CancellationToken cancellationToken, string? replacing = null)
    {
        var head = new byte[AcceptedMedia.HeadBytes];
        int read;
        await using (var stream = file.OpenReadStream())
        {
            read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        }

        if (AcceptedMedia.CheckContent(file.FileName, file.Length, head.AsSpan(0, read)) is { } problem)
        {
            return (null, problem);
        }

        // A replacement keeps the file's name, and the public site serves media by the name's extension.
        if (replacing is not null && !string.Equals(AcceptedMedia.ContentType(file.FileName), AcceptedMedia.ContentType(replacing), StringComparison.Ordinal))
        {
            return (null, $"“{file.FileName}” is not the same type of image as “{replacing}”; the replacement keeps the name, so choose a {Path.GetExtension(replacing).TrimStart('.').ToUpperInvariant()} file.");
        }

        var uploaded = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(uploaded, cancellationToken);
        }

        return StrippedImage.From(file.FileName, uploaded);
    }
}
