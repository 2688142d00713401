namespace Cms.Media;

/// <summary>
/// The one rule for a path in a media library: relative, '/'-separated, no empty, '.' or '..' segments, no control
/// characters (a line break in a name would also cut the list of files a version names, <see cref="MediaNames"/>).
/// </summary>
internal static class MediaPaths
{
    /// <summary>The longest path a library keeps, in characters.</summary>
    public const int MaxLength = 1024;

    /// <summary>Why the path is not a place in the media library, or null when it is.</summary>
    public static string? Problem(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "The media path is empty.";
        }

        var normalized = Normalize(path);
        if (normalized.Length > MaxLength)
        {
            return $"The media path '{path[..40]}…' is {normalized.Length} characters long; it can be at most {MaxLength}.";
        }

        if (normalized.Any(char.IsControl))
        {
            return $"The media path '{path.ReplaceLineEndings(" ")}' has a line break or another control character; a file name cannot.";
        }

        return normalized.Split('/').Any(segment => segment is ".." or "." || segment.Length == 0) || System.IO.Path.IsPathRooted(normalized)
            ? $"The media path '{path}' must be a relative path inside the media library, without '..'."
            : null;
    }

    /// <summary>The path as the library keeps it: '/'-separated, without a leading '/'.</summary>
    public static string Normalize(string path) => path.Replace('\\', '/').TrimStart('/');

    /// <summary>The normalized path, or an <see cref="ArgumentException"/> saying why it is not one in the library.</summary>
    public static string Checked(string path) =>
        Problem(path) is { } problem ? throw new ArgumentException(problem, nameof(path)) : Normalize(path);
}
