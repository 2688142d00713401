namespace Cms.Recipes.Execution;

/// <summary>
/// Media files a recipe brings are written to a staging folder and moved into the tenant's media folder
/// only after the database commits; a run that fails or is killed leaves the media folder untouched.
/// </summary>
internal sealed class MediaStaging : IDisposable
{
    private const string StagingPrefix = ".staging-";
    private readonly string _mediaRoot;
    private readonly string _staging;
    private readonly List<string> _files = [];

    public MediaStaging(string tenantFolder)
    {
        _mediaRoot = Path.Combine(tenantFolder, "Media");
        _staging = Path.Combine(tenantFolder, StagingPrefix + Guid.NewGuid().ToString("N"));
        ClearAbandoned(tenantFolder);
    }

    public int Count => _files.Count;

    /// <summary>The media path must stay inside the media folder.</summary>
    public static string? CheckPath(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "The media path is empty.";
        }

        var normalized = path.Replace('\\', '/').TrimStart('/');
        return normalized.Split('/').Any(segment => segment is ".." or "." || segment.Length == 0) || Path.IsPathRooted(normalized)
            ? $"The media path '{path}' must be a relative path inside the media library, without '..'."
            : null;
    }

    public async Task StageAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        var target = Path.Combine(_staging, path.Replace('\\', '/').TrimStart('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await File.WriteAllBytesAsync(target, content, cancellationToken);
        _files.Add(path.Replace('\\', '/').TrimStart('/'));
    }

    /// <summary>After the commit: every staged file replaces its target in the media folder.</summary>
    public void Publish()
    {
        foreach (var file in _files.Distinct())
        {
            var target = Path.Combine(_mediaRoot, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(Path.Combine(_staging, file), target, overwrite: true);
        }

        _files.Clear();
    }

    public void Dispose()
    {
        if (Directory.Exists(_staging))
        {
            Directory.Delete(_staging, recursive: true);
        }
    }

    // A killed run leaves its staging folder behind; the next run removes it.
    private static void ClearAbandoned(string tenantFolder)
    {
        if (!Directory.Exists(tenantFolder))
        {
            return;
        }

        foreach (var folder in Directory.EnumerateDirectories(tenantFolder, StagingPrefix + "*"))
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Another run may be using it; it is removed next time.
            }
        }
    }
}
