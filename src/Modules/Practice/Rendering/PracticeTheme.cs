using System.Text.Json.Nodes;
using Cms.Data;
using Cms.Practice.Site;
using Cms.Recipes.Steps;
using Cms.Tenancy;

namespace Cms.Practice.Rendering;

/// <summary>
/// A tenant's public site as the Practice module keeps it in the tenant runtime: the site model and the
/// templates (loaded together on the first request) and the page cache. A new runtime means a new theme.
/// </summary>
internal sealed class PracticeTheme
{
    private readonly TenantRuntime _tenant;
    private readonly Lock _lock = new();
    private Task<(PracticeSite Site, ThemeTemplates Templates)>? _loading;

    public PracticeTheme(TenantRuntime tenant, long cacheBytes)
    {
        _tenant = tenant;
        Cache = new PageCache(cacheBytes);
    }

    public PageCache Cache { get; }

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

    private async Task<(PracticeSite, ThemeTemplates)> LoadCoreAsync()
    {
        var site = await PracticeSiteLoader.LoadAsync(_tenant, CancellationToken.None);
        await using var db = _tenant.CreateDbContext();
        var overrides = await TenantDocuments.GetAsync<JsonObject>(db, RecipeDocuments.Templates, CancellationToken.None);
        return (site, new ThemeTemplates(overrides));
    }
}
