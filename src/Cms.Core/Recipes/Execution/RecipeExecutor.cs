using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Content;
using Cms.Content.Definitions;
using Cms.Data;
using Cms.Media;
using Cms.Modules;
using Cms.Recipes.Expressions;
using Cms.Recipes.Reading;
using Cms.Recipes.Schema;
using Cms.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Cms.Recipes.Execution;

/// <summary>
/// Runs a recipe on a tenant, unlike Orchard all or nothing: a first pass checks everything and reports
/// every problem with its JSON pointer; only a clean recipe is applied, in one database transaction,
/// with media moved into place after the commit. Ids from <c>uuid()</c> are derived from the recipe's
/// bytes, so the same recipe run twice gives the same state.
/// </summary>
internal sealed class RecipeExecutor
{
    /// <summary>Items in one import from which SQLite's query statistics are refreshed.</summary>
    private const int BigImport = 1000;

    /// <summary>Why an import that may not wait was refused: what the admin shows.</summary>
    public const string AnotherImportRuns = "Another import into this practice is running. Nothing was changed; import this recipe again when that one has finished.";

    private static readonly IReadOnlyDictionary<string, int> s_none = new Dictionary<string, int>();

    private readonly CmsDatabase _database;
    private readonly MediaImages _images;
    private readonly ContentServices _content;
    private readonly IReadOnlyDictionary<string, IRecipeStep> _steps;
    private readonly RecipeCatalog _catalog;
    private readonly RecipeSchema _schema;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<ModuleFeature> _modules;
    private readonly ILogger<RecipeExecutor> _logger;

    public RecipeExecutor(CmsDatabase database, MediaImages images, ContentServices content, IEnumerable<IRecipeStep> steps, RecipeCatalog catalog, RecipeSchema schema, TimeProvider time, IEnumerable<ModuleFeature> modules, ILogger<RecipeExecutor> logger)
    {
        _modules = modules.ToList();
        _database = database;
        _images = images;
        _content = content;
        _steps = steps.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
        _catalog = catalog;
        _schema = schema;
        _time = time;
        _logger = logger;
    }

    /// <summary>Checks a recipe on its own, without a site: references to items outside it can only be warned about.</summary>
    public async Task<RecipeResult> ValidateAsync(RecipeSource source, RecipeOptions options, CancellationToken cancellationToken)
    {
        var seed = await HashAsync(source, cancellationToken);
        var tenant = new TenantSettings("validation", TenantState.Running, [], null, null, null, DateTimeOffset.UnixEpoch);
        var validation = new RecipeValidation(new ContentDefinitions(), options.Strict) { Modules = _modules };
        validation.Content = new RecipeContentCheck(_content, validation, stored: null);
        using var validating = new ValidatingVisitor(Run(tenant, options, seed, await DefaultParametersAsync(null, tenant, cancellationToken), Checking(options)), validation, source.Folder);
        if (await ReadAsync(source, validating, validation, cancellationToken))
        {
            foreach (var (step, pointer, target) in validation.References.Where(r => !validation.Declares(r.TargetId)))
            {
                validation.Unsupported(step, pointer, $"The item '{target}' is not in this recipe; it must exist in the site the recipe is imported into.");
            }
        }

        return Result(validation, applied: false, s_none);
    }

    public async Task<RecipeResult> ExecuteAsync(TenantSettings tenant, RecipeSource source, RecipeOptions options, CancellationToken cancellationToken)
    {
        await _database.MigrateTenantAsync(tenant, cancellationToken);
        await using var db = _database.CreateTenantContext(tenant);

        // An import holds the tenant's write lock alone from before it reads what it checks against until it commits, so a
        // second import (on any node) waits and then starts from what the first one wrote, and no save runs in between.
        await using var transaction = options.DryRun ? null
            : options.RefuseWhileImporting ? await TenantWriteLock.TryBeginImportAsync(db, cancellationToken)
            : await TenantWriteLock.BeginImportAsync(db, cancellationToken);
        if (transaction is null && !options.DryRun)
        {
            return new RecipeResult([new RecipeMessage(null, "", AnotherImportRuns)], [], Applied: false, s_none);
        }

        var stored = await TenantDocuments.GetAsync<ContentDefinitions>(db, ContentDefinitions.DocumentKey, cancellationToken);
        var definitions = stored ?? new ContentDefinitions();
        var seed = await HashAsync(source, cancellationToken);
        var defaults = await DefaultParametersAsync(db, tenant, cancellationToken);

        // The features on when the import starts; a feature step changes them for the steps and items after it, in both passes.
        var features = await TenantFeatures.ReadAsync(db, _modules, tenant.IsDefault, cancellationToken);
        var validation = new RecipeValidation(ContentDefinitionEditor.Copy(definitions), options.Strict) { Features = features, Modules = _modules };

        // A check only (--dry-run, the admin's check) runs the content rules on every item in this pass; an import runs them
        // once, as it stores each item, and reports what they refuse the same way, every item's, before it rolls back.
        validation.Content = options.DryRun ? new RecipeContentCheck(_content, validation, new ContentLookup(db, _ => Task.CompletedTask)) : null;
        var checking = Checking(options);
        using var validating = new ValidatingVisitor(Run(tenant, options, seed, defaults, checking), validation, source.Folder);
        if (!await ReadAsync(source, validating, validation, cancellationToken))
        {
            return Result(validation, applied: false, s_none);
        }

        await CheckReferencesAsync(db, validation, cancellationToken);
        foreach (var check in validation.SiteChecks)
        {
            await check(tenant, cancellationToken);
        }

        if (validation.Errors.Count > 0 || options.DryRun)
        {
            return Result(validation, applied: false, s_none);
        }

        using var media = new MediaStaging(_images, tenant, _database.TenantFolder(tenant.Name));
        var manager = _content.Open(db, definitions, features);
        foreach (var id in validation.DeclaredIds)
        {
            manager.PendingIds.Add(id);
        }

        foreach (var id in await NewIdsAsync(db, validation.DeclaredIds, cancellationToken))
        {
            manager.NewIds.Add(id);
        }

        var definitionsBefore = JsonSerializer.Serialize(definitions);
        var application = new RecipeApplication(db, manager, definitions, media, features, _time.GetUtcNow());
        try
        {
            await using (var stream = source.Open())
            {
                var progress = new RecipeProgressCounter(options.Progress, RecipeProgressPhase.Applying, checking.Done);
                progress.Start();
                using var applying = new ApplyingVisitor(Run(tenant, options, seed, defaults, progress), application, source.Folder);
                await RecipeReader.ReadAsync(stream, applying, cancellationToken);
            }

            if (application.Refused.Count > 0)
            {
                throw new RecipeApplyException(application.Refused);
            }

            await manager.FlushAsync(cancellationToken);

            // Written only when a step changed them: a definitions change makes every node rebuild the practice's runtime.
            if (stored is null || JsonSerializer.Serialize(definitions) != definitionsBefore)
            {
                await TenantDocuments.SetAsync(db, ContentDefinitions.DocumentKey, definitions, application.Now, cancellationToken);
            }

            // The commit raises one change for the whole import (see Data.TenantChangeInterceptor).
            await transaction!.CommitAsync(cancellationToken);
        }
        catch (RecipeApplyException e)
        {
            await transaction!.RollbackAsync(CancellationToken.None);
            return Result(validation, applied: false, s_none, e.Errors);
        }

        if (media.Count > 0)
        {
            await media.PublishAsync();
        }

        await RefreshStatisticsAsync(db, application.Counts, cancellationToken);
        _logger.LogInformation("Recipe {Recipe} applied to tenant {Tenant}: {Counts}", source.Name, tenant.Name, application.Counts.Count == 0 ? "nothing to change" : string.Join(", ", application.Counts.Select(c => $"{c.Value} {c.Key}")));
        return Result(validation, applied: true, application.Counts);
    }

    // SQLite plans queries from statistics it only has after ANALYZE: without them it scanned all 100,000 articles for
    // a type filter (measured 180 ms against 3 ms after). A big import is when they change most. PostgreSQL analyzes itself.
    private static async Task RefreshStatisticsAsync(TenantDbContext db, IReadOnlyDictionary<string, int> counts, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql() && counts.GetValueOrDefault("items imported") >= BigImport)
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
        }
    }

    private static async Task<bool> ReadAsync(RecipeSource source, ValidatingVisitor visitor, RecipeValidation validation, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = source.Open();
            await RecipeReader.ReadAsync(stream, visitor, cancellationToken);
            return true;
        }
        catch (RecipeFormatException e)
        {
            // The pointer is the message's location already; the message adds the line and column.
            validation.Error(e.Step, e.Pointer ?? "", e.Pointer is null ? e.Message : $"At line {e.Line}, column {e.Column}: {e.Reason}");
            return false;
        }
    }

    // The recipe's items the tenant does not have yet, found in batches rather than one query per item.
    private static async Task<List<string>> NewIdsAsync(TenantDbContext db, IReadOnlyCollection<string> declared, CancellationToken cancellationToken)
    {
        var fresh = new List<string>(declared.Count);
        foreach (var batch in declared.Chunk(500))
        {
            var existing = (await db.ContentItems.Where(c => batch.Contains(c.ContentItemId)).Select(c => c.ContentItemId).Distinct().ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            fresh.AddRange(batch.Where(id => !existing.Contains(id)));
        }

        return fresh;
    }

    // A reference must point at an item of the recipe or one the tenant has already.
    private static async Task CheckReferencesAsync(TenantDbContext db, RecipeValidation validation, CancellationToken cancellationToken)
    {
        var outside = validation.References.Where(r => !validation.Declares(r.TargetId)).ToList();
        foreach (var batch in outside.Select(r => r.TargetId).Distinct().Chunk(500))
        {
            var found = await db.ContentItems.Where(c => batch.Contains(c.ContentItemId)).Select(c => c.ContentItemId).Distinct().ToListAsync(cancellationToken);
            foreach (var (step, pointer, target) in outside.Where(r => batch.Contains(r.TargetId) && !found.Contains(r.TargetId)))
            {
                validation.Error(step, pointer, $"The item '{target}' is neither in this recipe nor in the site.");
            }
        }
    }

    private RecipeRun Run(TenantSettings tenant, RecipeOptions options, string seed, IReadOnlyDictionary<string, string> defaults, RecipeProgressCounter progress) =>
        new(_steps, Expressions(tenant, options, seed, defaults), _catalog.Find, _schema, progress);

    private static RecipeProgressCounter Checking(RecipeOptions options)
    {
        var counter = new RecipeProgressCounter(options.Progress, RecipeProgressPhase.Checking, total: null);
        counter.Start();
        return counter;
    }

    private static Func<JsonObject?, string?, Action<string>, RecipeExpressions> Expressions(TenantSettings tenant, RecipeOptions options, string seed, IReadOnlyDictionary<string, string> defaults)
    {
        var counter = 0;
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in defaults.Concat(options.Parameters))
        {
            parameters[key] = value;
        }

        return (variables, folder, onUnsupported) => new RecipeExpressions(new RecipeExpressionContext
        {
            Variables = variables,
            Parameters = parameters,
            TenantName = tenant.Name,
            RecipeFolder = folder,
            OnUnsupported = onUnsupported,
            UrlPrefix = tenant.Prefix is null ? "" : "/" + tenant.Prefix,
            NewId = () => ContentIds.Stable($"{seed}:{tenant.Name}:{Interlocked.Increment(ref counter)}"),
        });
    }

    // Orchard's setup parameters, for recipes imported after setup too: the site's name and its first administrator.
    private static async Task<IReadOnlyDictionary<string, string>> DefaultParametersAsync(TenantDbContext? db, TenantSettings tenant, CancellationToken cancellationToken)
    {
        var site = db is null ? null : await TenantDocuments.GetAsync<SiteSettings>(db, SiteSettings.DocumentKey, cancellationToken);
        var admins = db is null ? [] : await db.Users.AsNoTracking().Where(u => u.Roles.Contains(Security.Roles.Administrator)).ToListAsync(cancellationToken);
        var admin = admins.OrderBy(u => u.CreatedUtc).FirstOrDefault();
        return new Dictionary<string, string>
        {
            ["SiteName"] = site?.SiteName ?? tenant.Name,
            ["SiteTimeZone"] = site?.TimeZone ?? "UTC",
            ["AdminUserId"] = admin?.Id ?? "",
            ["AdminUsername"] = admin?.UserName ?? "",
            ["AdminEmail"] = admin?.Email ?? "",
        };
    }

    private static async Task<string> HashAsync(RecipeSource source, CancellationToken cancellationToken)
    {
        await using var stream = source.Open();
        return Convert.ToHexString(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    private static RecipeResult Result(RecipeValidation validation, bool applied, IReadOnlyDictionary<string, int> counts, IReadOnlyList<RecipeMessage>? applyErrors = null) =>
        new([.. validation.Errors, .. applyErrors ?? []], validation.Warnings, applied, counts);
}
