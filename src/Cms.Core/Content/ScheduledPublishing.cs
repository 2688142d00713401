using Cms.Data;
using Cms.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cms.Content;

/// <summary>
/// Publishing a draft at a chosen time. The schedule is a host table row; every node looks for due rows each
/// half minute, and the node that deletes a row is the one that publishes it, so nothing is published twice.
/// </summary>
public sealed class ScheduledPublishing
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(30);

    // Saves of the draft that keep landing between reading it and publishing it: given up (and logged) after this many.
    private const int PublishAttempts = 3;

    private readonly CmsDatabase _database;
    private readonly TenantRegistry _registry;
    private readonly TenantRuntimeCache _runtimes;
    private readonly ContentServices _content;
    private readonly TenantManager _tenants;
    private readonly TimeProvider _time;
    private readonly ILogger<ScheduledPublishing> _logger;

    internal ScheduledPublishing(CmsDatabase database, TenantRegistry registry, TenantRuntimeCache runtimes, ContentServices content, TenantManager tenants, TimeProvider time, ILogger<ScheduledPublishing> logger)
    {
        _database = database;
        _registry = registry;
        _runtimes = runtimes;
        _content = content;
        _tenants = tenants;
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
            row.DueUtc = dueUtc.UtcDateTime;
            row.UserName = userName;
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

    /// <summary>Publishes every draft whose time has come; returns how many.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        List<ScheduledPublicationRecord> due;
        await using (var db = _database.CreateHostContext())
        {
            due = await db.ScheduledPublications.AsNoTracking().Where(s => s.DueUtc <= now).OrderBy(s => s.DueUtc).Take(100).ToListAsync(cancellationToken);
        }

        var published = 0;
        foreach (var row in due)
        {
            await using (var db = _database.CreateHostContext())
            {
                // Whoever deletes the row publishes: another node that found it too deletes nothing and moves on.
                var claimed = await db.ScheduledPublications.Where(s => s.TenantName == row.TenantName && s.ContentItemId == row.ContentItemId && s.DueUtc == row.DueUtc).ExecuteDeleteAsync(cancellationToken);
                if (claimed == 0)
                {
                    continue;
                }
            }

            if (await PublishAsync(row, cancellationToken))
            {
                published++;
            }
        }

        return published;
    }

    private async Task<bool> PublishAsync(ScheduledPublicationRecord row, CancellationToken cancellationToken)
    {
        if (_registry.Table.FindByName(row.TenantName) is not { State: TenantState.Running } settings)
        {
            _logger.LogWarning("Scheduled publication of {Item} skipped: tenant {Tenant} is not running", row.ContentItemId, row.TenantName);
            return false;
        }

        var tenant = await _runtimes.GetAsync(settings, cancellationToken);
        await using var db = tenant.CreateDbContext();
        var manager = _content.Open(db, tenant.Definitions);
        ContentResult result;
        var attempt = 0;
        do
        {
            // The draft is published as it is when the time comes: a save landing between this read and the publish is
            // not overwritten by the older text (the publish is refused), the newer draft is read and published instead.
            if (await manager.GetAsync(row.ContentItemId, VersionOptions.Latest, cancellationToken) is not { Published: false } draft)
            {
                return false;
            }

            result = await manager.PublishAsync(draft, row.UserName, cancellationToken);
        }
        while (result.Conflict && ++attempt < PublishAttempts);

        if (!result.Succeeded)
        {
            _logger.LogWarning("Scheduled publication of {Item} on tenant {Tenant} failed: {Errors}", row.ContentItemId, row.TenantName, string.Join(" ", result.Errors.Select(e => e.Message)));
            return false;
        }

        await _tenants.ChangedAsync(row.TenantName, cancellationToken);
        return true;
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
