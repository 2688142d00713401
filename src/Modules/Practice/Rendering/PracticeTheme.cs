using System.Text.Json.Nodes;
using Cms.Data;
using Cms.Practice.Site;
using Cms.Recipes.Steps;
using Cms.Tenancy;

namespace Cms.Practice.Rendering;

/// <summary>
/// A tenant's public site as the Practice module keeps it in the tenant runtime: the site model and the templates
/// (loaded together on the first request) and the page cache. Kept across changes: a change of a few items updates the
/// site model for them and evicts the pages showing them; templates, settings or a big import empty the cache.
/// </summary>
#pragma warning disable CA1001 // The semaphore is only waited on asynchronously: it never makes a wait handle to release.
internal sealed class PracticeTheme : IChangeAwareState
#pragma warning restore CA1001
{
    private readonly TenantRuntime _tenant;
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _updating = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Cms.Media.MediaImage> _images = new(StringComparer.Ordinal);
    private long _imageGeneration;
    private Task<(PracticeSite Site, ThemeTemplates Templates)>? _loading;

    public PracticeTheme(TenantRuntime tenant, long cacheBytes)
    {
        _tenant = tenant;
        Cache = new PageCache(cacheBytes);
    }

    public PageCache Cache { get; }

    /// <summary>
    /// The library's images as this runtime's pages link them (version and size), each read from the media store once
    /// and remembered until a media change: a page rendered again asks the database nothing for its images.
    /// </summary>
    public async Task<Cms.Media.MediaImage?> ImageAsync(string path, Func<string, Task<Cms.Media.MediaImage?>> describe)
    {
        if (_images.TryGetValue(path, out var known))
        {
            return known;
        }

        // A missing image is not remembered: the file may be uploaded under that name later. Nor is one read before a
        // media change that came while it was read: it may be the file the change replaced.
        var generation = Volatile.Read(ref _imageGeneration);
        var image = await describe(path);
        if (image is not null)
        {
            _images[path] = image;
            if (Volatile.Read(ref _imageGeneration) != generation)
            {
                _images.TryRemove(path, out _);
            }
        }

        return image;
    }

    public Task<(PracticeSite Site, ThemeTemplates Templates)> LoadAsync()
    {
        lock (_lock)
        {
            // A load that failed (a database hiccup) is tried again by the next request rather than remembered.
            if (_loading is null || _loading.IsFaulted || _loading.IsCanceled)
            {
                _loading = LoadCoreAsync();
            }

            return _loading;
        }
    }

    public async Task ChangedAsync(TenantChange change, CancellationToken cancellationToken)
    {
        // Pages link media by a version of its content: a replaced file's pages are rendered again with its new version.
        if (change.Kinds.HasFlag(ChangeKinds.Media))
        {
            Interlocked.Increment(ref _imageGeneration);
            _images.Clear();
            Cache.Clear();
        }

        var content = change.Kinds.HasFlag(ChangeKinds.Content);
        var templates = change.Kinds.HasFlag(ChangeKinds.Templates);
        if (!content && !templates && !change.Kinds.HasFlag(ChangeKinds.Settings))
        {
            return;
        }

        // One update at a time, each from the site the last one made.
        await _updating.WaitAsync(cancellationToken);
        try
        {
            Task<(PracticeSite Site, ThemeTemplates Templates)>? current;
            lock (_lock)
            {
                current = _loading;
            }

            // Nothing loaded yet; the settings reach every page and every date (the time zone); a big import names no
            // items; a load still under way may have read before the change: the site is loaded on the next request.
            if (current is not { IsCompletedSuccessfully: true } || change.Kinds.HasFlag(ChangeKinds.Settings) || (content && (change.ManyItems || change.ItemIds.Count == 0)))
            {
                lock (_lock)
                {
                    _loading = null;
                }

                Cache.Clear();
                return;
            }

            var (site, theme) = current.Result;
            var updated = content ? await PracticeSiteLoader.UpdateAsync(site, _tenant, change.ItemIds, cancellationToken) : site;
            if (templates)
            {
                theme = await ReadTemplatesAsync();
            }

            lock (_lock)
            {
                _loading = Task.FromResult((updated, theme));
            }

            // A template can be any page's: all of them go. Otherwise the pages showing what changed.
            if (templates)
            {
                Cache.Clear();
            }
            else
            {
                Cache.Evict(PageTags.Changed(site, updated, change.ItemIds));
            }
        }
        finally
        {
            _updating.Release();
        }
    }

    private async Task<(PracticeSite, ThemeTemplates)> LoadCoreAsync()
    {
        var site = await PracticeSiteLoader.LoadAsync(_tenant, CancellationToken.None);
        return (site, await ReadTemplatesAsync());
    }

    private async Task<ThemeTemplates> ReadTemplatesAsync()
    {
        await using var db = _tenant.CreateDbContext();
        return new ThemeTemplates(await TenantDocuments.GetAsync<JsonObject>(db, RecipeDocuments.Templates, CancellationToken.None));
    }
}
