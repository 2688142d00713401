using Cms.Data;
using Cms.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cms.Content;

/// <summary>
/// Publishing a draft at a chosen time. The schedule is a host table row; every node looks for due rows each half
/// minute and takes one by leasing it (one conditional UPDATE, so one node wins), publishes, then deletes it. A publish
/// that fails or a node that dies leaves the row, and the first tick after the lease runs out, on any node, tries again;
/// a row that failed <see cref="MaxAttempts"/> times is left with its error, not tried forever.
/// </summary>
public sealed class ScheduledPublishing
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a node owns a row it took. Far longer than a publish takes, so a slow publish is not taken twice; a
    /// publish that outlives it anyway does no harm, since the next node finds the item published and only drops the row.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Tries (crashes included) before a row is given up: with <see cref="Lease"/> between them, about ten minutes.</summary>
    public const int MaxAttempts = 5;

    // Saves of the draft that keep landing between reading it and publishing it: given up (and logged) after this many.
    private const int PublishAttempts = 3;

    private const int ErrorLength = 1000;

    private readonly CmsDatabase _database;
    private readonly TenantRegistry _registry;
    private readonly TenantRuntimeCache _runtimes;
    private readonly ContentServices _content;
    private readonly TimeProvider _time;
    private readonly ILogger<ScheduledPublishing> _logger;

    // Names this node on the rows it leases (one publisher per process), for whoever reads the table; a host name is at most 64.
    private readonly string _node = $"{Environment.MachineName}/{Guid.NewGuid():N}";

    internal ScheduledPublishing(CmsDatabase database, TenantRegistry registry, TenantRuntimeCache runtimes, ContentServices content, TimeProvider time, ILogger<ScheduledPublishing> logger)
    {
        _database = database;
        _registry = registry;
        _runtimes = runtimes;
        _content = content;
        _time = time;
        _logger = logger;
    }

    public async Task ScheduleAsync(string tenant, string contentItemId, DateTimeOffset dueUtc, string? userName, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateHostContext();
        var row = await db.ScheduledPublications.AsTracking().FirstOrDefaultAsync(s => s.TenantName == tenant && s.ContentItemId == contentItemId, cancellationToken);
        if (row is null)
        {
            db.ScheduledPublications.Add(new ScheduledPublicationRecord { TenantName = tenant, ContentItemId = contentItemId, DueUtc = dueUtc.UtcDateTime, UserName = userName });
        }
        else
        {
            // A new schedule starts its tries afresh; a lease held by a publish under way is kept, so it is not run twice.
            row.DueUtc = dueUtc.UtcDateTime;
            row.UserName = userName;
            row.Attempts = 0;
            row.LastError = null;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task CancelAsync(string tenant, string contentItemId, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateHostContext();
        await db.ScheduledPublications.Where(s => s.TenantName == tenant && s.ContentItemId == contentItemId).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<DateTimeOffset?> FindAsync(string tenant, string contentItemId, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateHostContext();
        var due = await db.ScheduledPublications.AsNoTracking().Where(s => s.TenantName == tenant && s.ContentItemId == contentItemId).Select(s => (DateTime?)s.DueUtc).FirstOrDefaultAsync(cancellationToken);
        return due is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : null;
    }

    /// <summary>When each of these items of the tenant is scheduled to be published, for those that are (a list's page of them).</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> FindAsync(string tenant, IReadOnlyCollection<string> contentItemIds, CancellationToken cancellationToken)
    {
        if (contentItemIds.Count == 0)
        {
            return new Dictionary<string, DateTimeOffset>();
        }

        await using var db = _database.CreateHostContext();
        var rows = await db.ScheduledPublications.AsNoTracking().Where(s => s.TenantName == tenant && contentItemIds.Contains(s.ContentItemId))
            .Select(s => new { s.ContentItemId, s.DueUtc }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.ContentItemId, r => new DateTimeOffset(DateTime.SpecifyKind(r.DueUtc, DateTimeKind.Utc)), StringComparer.Ordinal);
    }

    /// <summary>Publishes every draft whose time has come and that no other node is publishing; returns how many.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        List<ScheduledPublicationRecord> due;
        await using (var db = _database.CreateHostContext())
        {
            due = await Takeable(db, now).AsNoTracking().OrderBy(s => s.DueUtc).Take(100).ToListAsync(cancellationToken);
        }

        var published = 0;
        foreach (var row in due)
        {
            // A practice that is not running keeps its schedule, untouched, until it runs again.
            if (_registry.Table.FindByName(row.TenantName) is not { State: TenantState.Running } settings)
            {
                continue;
            }

            if (!await TakeAsync(row, now, cancellationToken))
            {
                continue;
            }

            string? error;
            try
            {
                error = await PublishAsync(settings, row, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Whatever a handler throws, the row keeps it so the next try, or whoever gives up, can tell why.
                _logger.LogWarning(ex, "Scheduled publication of {Item} on tenant {Tenant} failed", row.ContentItemId, row.TenantName);
                error = ex.Message;
            }

            if (error is null)
            {
                await ReleaseAsync(row, cancellationToken);
                published++;
            }
            else
            {
                await RecordFailureAsync(row, error, cancellationToken);
            }
        }

        return published;
    }

    private static IQueryable<ScheduledPublicationRecord> Takeable(HostDbContext db, DateTime now) =>
        db.ScheduledPublications.Where(s => s.DueUtc <= now && (s.LeasedUntilUtc == null || s.LeasedUntilUtc <= now) && s.Attempts < MaxAttempts);

    /// <summary>
    /// Leases the row to this node: the UPDATE only matches a row that is still due and not leased, so of two nodes
    /// taking it at once the database lets one change it, and only that one publishes.
    /// </summary>
    private async Task<bool> TakeAsync(ScheduledPublicationRecord row, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateHostContext();
        var taken = await Takeable(db, now)
            .Where(s => s.TenantName == row.TenantName && s.ContentItemId == row.ContentItemId && s.DueUtc == row.DueUtc)
            .ExecuteUpdateAsync(
                set => set.SetProperty(s => s.LeasedUntilUtc, now + Lease).SetProperty(s => s.LeasedBy, _node).SetProperty(s => s.Attempts, s => s.Attempts + 1),
                cancellationToken);
        row.Attempts += taken;
        return taken == 1;
    }

    /// <summary>Drops the row once published, unless it was given a new time meanwhile (that schedule still stands).</summary>
    private async Task ReleaseAsync(ScheduledPublicationRecord row, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateHostContext();
        await db.ScheduledPublications
            .Where(s => s.TenantName == row.TenantName && s.ContentItemId == row.ContentItemId && s.DueUtc == row.DueUtc)
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Keeps the row and its lease (the next try waits for the lease to run out) with the reason it failed.</summary>
    private async Task RecordFailureAsync(ScheduledPublicationRecord row, string error, CancellationToken cancellationToken)
    {
        error = error.Length > ErrorLength ? error[..ErrorLength] : error;
        await using var db = _database.CreateHostContext();
        await db.ScheduledPublications
            .Where(s => s.TenantName == row.TenantName && s.ContentItemId == row.ContentItemId && s.LeasedBy == _node)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.LastError, error), cancellationToken);
        if (row.Attempts >= MaxAttempts)
        {
            _logger.LogWarning(
                "Scheduled publication of {Item} on tenant {Tenant} given up after {Attempts} attempts; the schedule is kept with its error: {Error}",
                row.ContentItemId, row.TenantName, row.Attempts, error);
        }
    }

    /// <summary>Publishes the item's draft; null when done (or nothing was left to publish), else why not.</summary>
    private async Task<string?> PublishAsync(TenantSettings settings, ScheduledPublicationRecord row, CancellationToken cancellationToken)
    {
        var tenant = await _runtimes.GetAsync(settings, cancellationToken);
        await using var db = tenant.CreateDbContext();
        var manager = _content.Open(db, tenant.Definitions, tenant.Features);
        ContentResult result;
        var attempt = 0;
        do
        {
            // The draft is published as it is when the time comes: a save landing between this read and the publish is
            // not overwritten by the older text (the publish is refused), the newer draft is read and published instead.
            var draft = await manager.GetAsync(row.ContentItemId, VersionOptions.Latest, cancellationToken);
            if (draft is null)
            {
                return "The item no longer exists.";
            }

            if (draft.Published)
            {
                // Published already (by hand, or by a node whose lease ran out before it finished): nothing left to do.
                return null;
            }

            result = await manager.PublishAsync(draft, row.UserName, cancellationToken);
        }
        while (result.Conflict && ++attempt < PublishAttempts);

        if (!result.Succeeded)
        {
            var errors = string.Join(" ", result.Errors.Select(e => e.Message));
            _logger.LogWarning("Scheduled publication of {Item} on tenant {Tenant} failed: {Errors}", row.ContentItemId, row.TenantName, errors);
            return errors;
        }

        return null;
    }
}

/// <summary>
/// Runs <see cref="ScheduledPublishing.PublishDueAsync"/> every half minute. The publisher is resolved at the first
/// tick, not when the host starts: building it (content handlers, Markdown and sanitizer pipelines, recipe steps) took
/// 250 ms of every start before the first page could be served (measured).
/// </summary>
internal sealed class ScheduledPublishingService(IServiceProvider services, TimeProvider time, ILogger<ScheduledPublishingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(ScheduledPublishing.CheckInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await services.GetRequiredService<ScheduledPublishing>().PublishDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
            {
                logger.LogWarning(ex, "Scheduled publishing failed this round; it tries again in {Seconds} s", ScheduledPublishing.CheckInterval.TotalSeconds);
            }
        }
    }
}
