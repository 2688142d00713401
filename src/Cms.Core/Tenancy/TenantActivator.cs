using System.Diagnostics;
using System.Text.Json.Nodes;
using Cms.Content.Definitions;
using Cms.Data;
using Cms.Media;
using Cms.Modules;
using Cms.Recipes.Steps;
using Microsoft.Extensions.Logging;

namespace Cms.Tenancy;

/// <summary>Builds a tenant's runtime on its first request: brings its database (and, on PostgreSQL, media left in this node's folder) up to date and loads its settings.</summary>
internal sealed class TenantActivator
{
    private readonly CmsDatabase _database;
    private readonly MediaFolderMove _mediaFolderMove;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<ModuleFeature> _modules;
    private readonly ILogger<TenantActivator> _logger;

    public TenantActivator(CmsDatabase database, MediaFolderMove mediaFolderMove, TimeProvider time, IEnumerable<ModuleFeature> modules, ILogger<TenantActivator> logger)
    {
        _database = database;
        _modules = modules.ToList();
        _mediaFolderMove = mediaFolderMove;
        _time = time;
        _logger = logger;
    }

    public async Task<TenantRuntime> ActivateAsync(TenantSettings settings, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var options = _database.TenantOptions(settings);
        await _database.MigrateTenantAsync(settings, options, cancellationToken);
        await _mediaFolderMove.RunAsync(settings, cancellationToken);
        SiteSettings? site;
        ContentDefinitions? definitions;
        JsonObject? features;
        await using (var connection = await _database.OpenTenantConnectionAsync(settings, options, cancellationToken))
        {
            site = await TenantDocuments.GetAsync<SiteSettings>(connection, settings.Name, SiteSettings.DocumentKey, cancellationToken);
            definitions = await TenantDocuments.GetAsync<ContentDefinitions>(connection, settings.Name, ContentDefinitions.DocumentKey, cancellationToken);
            features = await TenantDocuments.GetAsync<JsonObject>(connection, settings.Name, RecipeDocuments.Features, cancellationToken);
        }

        var runtime = new TenantRuntime(settings, options, site ?? new SiteSettings { SiteName = settings.Name }, definitions ?? ContentDefinitions.Empty, TenantFeatures.Read(features, _modules, settings.IsDefault), _time.GetUtcNow());
        // Debug: a host of hundreds of practices activates them all day, and the host's own is activated while the
        // start-up banner is written, which a line queued for the console could follow.
        _logger.LogDebug("Tenant {Tenant} activated in {Ms:0.0} ms", settings.Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return runtime;
    }
}
