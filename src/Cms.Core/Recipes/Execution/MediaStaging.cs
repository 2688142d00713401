using Cms.Media;
using Cms.Tenancy;

namespace Cms.Recipes.Execution;

/// <summary>
/// Media files a recipe brings are written to a staging folder of this node and put in the tenant's media store
/// only after the database commits; a run that fails or is killed leaves the media library untouched.
/// </summary>
internal sealed class MediaStaging : IDisposable
{
    private const string StagingPrefix = ".staging-";
    private readonly MediaImages _images;
    private readonly TenantSettings _tenant;
    private readonly string _staging;
    private readonly List<string> _files = [];

    public MediaStaging(MediaImages images, TenantSettings tenant, string tenantFolder)
    {
        _images = images;
        _tenant = tenant;
        _staging = Path.Combine(tenantFolder, StagingPrefix + Guid.NewGuid().ToString("N"));
        ClearAbandoned(tenantFolder);
    }

    public int Count => _files.Count;

    /// <param name="path">A path checked by <see cref="MediaPaths.Problem"/>.</param>
    public async Task StageAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        var normalized = MediaPaths.Checked(path);
        var target = Path.Combine(_staging, normalized);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await File.WriteAllBytesAsync(target, content, cancellationToken);
        _files.Add(normalized);
    }

    /// <summary>
    /// After the commit: every staged file replaces its target in the media library, as one media change (pages link
    /// images by their content's version), raised after the files are in place.
    /// </summary>
    public async Task PublishAsync()
    {
        await _images.WriteAllAsync(_tenant, _files.Distinct(StringComparer.Ordinal).Select(f => (f, Path.Combine(_staging, f))).ToList());
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
