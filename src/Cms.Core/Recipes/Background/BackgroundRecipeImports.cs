using System.Collections.Concurrent;
using System.Threading.Channels;
using Cms.Recipes.Execution;
using Cms.Tenancy;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cms.Recipes.Background;

/// <summary>
/// Applies the recipes the admin's Import page hands over, apart from any request, so closing the browser does not stop
/// one, and stops them (rolled back) when the host shuts down. One import per practice at a time: another on this node
/// is refused before it starts; one running on another node (or from the CLI) makes this one fail at once, with the
/// reason, instead of waiting for the tenant's write lock.
/// </summary>
internal sealed class BackgroundRecipeImports : BackgroundService
{
    private static readonly TimeSpan s_statusInterval = TimeSpan.FromSeconds(1);
    private const int FinalSaveAttempts = 5;

    private readonly Channel<RecipeImportJob> _queue = Channel.CreateUnbounded<RecipeImportJob>();
    private readonly ConcurrentDictionary<string, RecipeImportStatus> _running = new(StringComparer.Ordinal);
    private readonly TenantRecipes _recipes;
    private readonly RecipeImportStatuses _statuses;
    private readonly TimeProvider _time;
    private readonly ILogger<BackgroundRecipeImports> _logger;

    public BackgroundRecipeImports(TenantRecipes recipes, RecipeImportStatuses statuses, TimeProvider time, ILogger<BackgroundRecipeImports> logger)
    {
        _recipes = recipes;
        _statuses = statuses;
        _time = time;
        _logger = logger;
    }

    /// <summary>The import this node runs for the practice, if any.</summary>
    public RecipeImportStatus? RunningIn(TenantSettings tenant) => _running.GetValueOrDefault(tenant.Name);

    /// <summary>Claims the practice's turn for an import: false when one runs there already (the caller keeps the upload waiting).</summary>
    public bool TryReserve(TenantSettings tenant, string id, string fileName) =>
        _running.TryAdd(tenant.Name, RecipeImportStatus.Started(id, fileName, _time.GetUtcNow()));

    /// <summary>Starts the reserved import; its status is readable before this returns.</summary>
    public async Task StartAsync(RecipeImportJob job, CancellationToken cancellationToken)
    {
        try
        {
            await _statuses.PruneAsync(job.Tenant, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Old statuses are housekeeping; they must not keep an import from starting.
            _logger.LogWarning(e, "Old import statuses of tenant {Tenant} could not be pruned", job.Tenant.Name);
        }

        // Heard of now: taking the upload since the reservation may have taken a while.
        var started = _running[job.Tenant.Name] with { UpdatedUtc = _time.GetUtcNow() };
        _running[job.Tenant.Name] = started;
        await _statuses.SaveAsync(job.Tenant, started, cancellationToken);
        await _queue.Writer.WriteAsync(job, cancellationToken);
    }

    /// <summary>Gives the practice's turn back when the job could not be started.</summary>
    public void Release(TenantSettings tenant) => _running.TryRemove(tenant.Name, out _);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var jobs = new List<Task>();
        try
        {
            await foreach (var job in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                jobs.RemoveAll(j => j.IsCompleted);
                jobs.Add(RunAsync(job, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the running imports see the same token, roll back and record why.
        }

        await Task.WhenAll(jobs);
    }

    private async Task RunAsync(RecipeImportJob job, CancellationToken stoppingToken)
    {
        // Off the loop's thread: the loop goes on taking other practices' imports.
        await Task.Yield();
        var started = _running[job.Tenant.Name];
        var progress = new LatestProgress();
        RecipeImportStatus final;
        try
        {
            var options = new RecipeOptions { Progress = progress, RefuseWhileImporting = true };
            var import = _recipes.ImportAsync(job.Tenant.Name, new RecipeSource(job.FileName, () => File.OpenRead(job.File), null), options, stoppingToken);
            await SaveProgressUntilAsync(import, job, started, progress);
            var result = await import;
            final = result is null
                ? Finished(started, progress, [new RecipeMessage(null, "", "The practice is not running any more. Nothing was changed.")])
                : Finished(started, progress, result.Errors) with { State = result.Applied ? RecipeImportState.Applied : RecipeImportState.Failed, Counts = result.Counts };
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            final = Finished(started, progress, [new RecipeMessage(null, "", RecipeImportStatus.ServerStopped)]);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Import {Id} into tenant {Tenant} failed", job.Id, job.Tenant.Name);
            final = Finished(started, progress, [new RecipeMessage(null, "", "The import failed unexpectedly. Nothing was changed; the server's log has the details.")]);
        }
        finally
        {
            File.Delete(job.File);
        }

        try
        {
            await SaveFinalAsync(job, final);
        }
        finally
        {
            // Only now: whoever sees the practice free reads the result.
            _running.TryRemove(job.Tenant.Name, out _);
        }
    }

    // Until the import ends, however it ends: a shutdown cancels the import, which is then awaited, so a status never
    // says "nothing was changed" of an import that committed. Saved on every tick, progress or not: a status left unsaved
    // for a while says its node stopped (RecipeImportStatus.AsOf).
    private async Task SaveProgressUntilAsync(Task import, RecipeImportJob job, RecipeImportStatus started, LatestProgress progress)
    {
        using var timer = new PeriodicTimer(s_statusInterval, _time);
        while (await Task.WhenAny(import, timer.WaitForNextTickAsync().AsTask()) != import)
        {
            var latest = progress.Latest;
            var status = started with
            {
                Phase = latest?.Phase ?? started.Phase,
                Done = latest?.Done ?? 0,
                Total = latest?.Total,
                UpdatedUtc = _time.GetUtcNow(),
            };
            _running[job.Tenant.Name] = status;
            try
            {
                await _statuses.SaveAsync(job.Tenant, status, CancellationToken.None);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Progress is for the eye; a failed save of it must not end the watch over an import still running.
                _logger.LogWarning(e, "The progress of import {Id} into tenant {Tenant} could not be saved", job.Id, job.Tenant.Name);
            }
        }
    }

    // The result is saved however the import ended, tried a few times: a status left "running" would read as stopped
    // after a minute, "nothing was changed", which for a committed import is untrue.
    private async Task SaveFinalAsync(RecipeImportJob job, RecipeImportStatus final)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _statuses.SaveAsync(job.Tenant, final, CancellationToken.None);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && attempt < FinalSaveAttempts)
            {
                _logger.LogWarning(e, "The result of import {Id} into tenant {Tenant} could not be saved (attempt {Attempt})", job.Id, job.Tenant.Name, attempt);
                await Task.Delay(s_statusInterval, _time);
            }
        }
    }

    private RecipeImportStatus Finished(RecipeImportStatus started, LatestProgress progress, IReadOnlyList<RecipeMessage> errors) =>
        started with
        {
            State = RecipeImportState.Failed,
            Phase = progress.Latest?.Phase ?? started.Phase,
            Done = progress.Latest?.Done ?? 0,
            Total = progress.Latest?.Total,
            FinishedUtc = _time.GetUtcNow(),
            Errors = errors,
        };
}
