namespace Cms.Media;

/// <summary>
/// Which files the media library takes, whether uploaded from an editor or brought by a recipe: JPEG, PNG, WebP and
/// GIF images up to 5 MB, the type decided by the file's first bytes and required to agree with its name, so a
/// renamed script or a text file called leak.png is not an image (the public site serves media by extension).
/// </summary>
public static class AcceptedMedia
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>How many first bytes <see cref="CheckContent"/> needs.</summary>
    public const int HeadBytes = 12;

    private static readonly Dictionary<string, (string Name, byte[] Signature, int Offset, byte[]? Then)> s_types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = ("JPEG", [0xFF, 0xD8, 0xFF], 0, null),
        [".jpeg"] = ("JPEG", [0xFF, 0xD8, 0xFF], 0, null),
        [".png"] = ("PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 0, null),
        [".gif"] = ("GIF", "GIF8"u8.ToArray(), 0, null),
        // RIFF is also the container of WAV and AVI files; WebP says so at byte 8.
        [".webp"] = ("WebP", "RIFF"u8.ToArray(), 8, "WEBP"u8.ToArray()),
    };

    /// <summary>The content type a file of this name is served with: its image type, or a download for anything else.</summary>
    public static string ContentType(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        _ => "application/octet-stream",
    };

    /// <summary>Why a file of this name is not taken, or null when its extension is one of the image types.</summary>
    public static string? CheckName(string fileName) =>
        s_types.ContainsKey(Path.GetExtension(fileName))
            ? null
            : $"“{Path.GetFileName(fileName)}” is not an image this site takes; media must be JPEG, PNG, WebP or GIF images.";

    /// <summary>Why this content is not taken under this name (size, or content that is not the type the name says), or null.</summary>
    /// <param name="head">The file's first <see cref="HeadBytes"/> bytes (fewer when the file is shorter).</param>
    public static string? CheckContent(string fileName, long length, ReadOnlySpan<byte> head)
    {
        var name = Path.GetFileName(fileName);
        if (!s_types.TryGetValue(Path.GetExtension(fileName), out var type))
        {
            return CheckName(fileName);
        }

        if (length == 0)
        {
            return $"“{name}” is empty.";
        }

        if (length > MaxBytes)
        {
            return $"“{name}” is {length / 1024.0 / 1024.0:0.0} MB; images can be at most {MaxBytes / 1024 / 1024} MB, so make it smaller.";
        }

        var matches = head.StartsWith(type.Signature)
            && (type.Then is null || head.Length >= type.Offset + type.Then.Length && head[type.Offset..].StartsWith(type.Then));
        return matches ? null : $"“{name}” is not really a {type.Name} image (its content says otherwise).";
    }
}
