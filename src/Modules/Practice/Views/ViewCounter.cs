using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Cms.Data;
using Cms.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Cms.Practice.Views;

/// <summary>
/// Article view counts without a database write per view: reads are counted in memory and added to the
/// ViewCounts table in one batch per tenant every few seconds (and when the host stops). A reader who
/// reloads within half an hour, a prefetch and a known bot are not counted. A page shows the stored
/// count plus what this node has not written yet. The stored count is read with the page when it is rendered,
/// and re-read for the items shown since the last flush by the flush itself (one query per tenant), so a page,
/// cached or not, waits on no read of its own and is at most about one flush interval behind any node; only an item
/// not shown for two intervals is read again when shown. Counts belong to a tenant as created (its name and creation
/// time), so the unwritten counts of a removed tenant are dropped on every node, never added to a new tenant of the same name.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification =
    "The lock is a SemaphoreSlim whose wait handle is never used, so it holds nothing to dispose; disposing it broke the flush at shutdown under WebApplicationFactory, which disposed the singleton first.")]
internal sealed partial class ViewCounter
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan ReaderWindow = TimeSpan.FromMinutes(30);

    // A stored count older than this was not refreshed by the last flushes (its item was not shown): read again.
    private static readonly TimeSpan s_staleAfter = FlushInterval * 2;

    private readonly ConcurrentDictionary<Counted, long> _pending = new();
    // Taken from _pending by a flush and still counted until the write has committed, so a count never dips.
    private readonly ConcurrentDictionary<Counted, long> _writing = new();
    private readonly ConcurrentDictionary<Counted, Stored> _stored = new();
    // Items whose count a page showed since the last flush: the flush re-reads their stored counts.
    private readonly ConcurrentDictionary<Counted, byte> _shown = new();
    private readonly ConcurrentDictionary<(Counted Item, ulong Reader), long> _seen = new();
    private readonly TenantDatabases _databases;
    private readonly TimeProvider _time;
    private readonly ILogger<ViewCounter> _logger;
    private readonly byte[] _salt = RandomNumberGenerator.GetBytes(16);
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private long _writes;

    public ViewCounter(TenantDatabases databases, TimeProvider time, ILogger<ViewCounter> logger)
    {
        _databases = databases;
        _time = time;
        _logger = logger;
    }

    /// <summary>Counts a read of the item unless it is a bot, a prefetch or the same reader again.</summary>
    public bool Record(TenantSettings tenant, string item, HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || IsAutomated(context.Request))
        {
            return false;
        }

        var now = _time.GetUtcNow().UtcTicks;
        var counted = new Counted(tenant.Name, tenant.CreatedUtc, item);
        var key = (counted, Reader(context));
        if (_seen.TryGetValue(key, out var last) && now - last < ReaderWindow.Ticks)
        {
            return false;
        }

        _seen[key] = now;
        _pending.AddOrUpdate(counted, 1, static (_, n) => n + 1);
        return true;
    }

    /// <summary>Marks the database's view counts as they are now; give it to <see cref="Remember"/> with a count read after it.</summary>
    public long WriteMark => Interlocked.Read(ref _writes);

    /// <summary>Keeps a stored count a page read with its body (taken after <paramref name="writeMark"/>), so showing it needs no read of its own.</summary>
    public void Remember(TenantRuntime tenant, string item, long storedViews, long writeMark)
    {
        // A value read while a flush committed may already include what is still counted as writing: not kept.
        if (Interlocked.Read(ref _writes) == writeMark)
        {
            _stored[new Counted(tenant.Name, tenant.Settings.CreatedUtc, item)] = new Stored(storedViews, _time.GetUtcNow());
        }
    }

    /// <summary>The count to show: stored (kept fresh by the flush, read here only when it is not) plus this node's unwritten views.</summary>
    public async ValueTask<long> CountAsync(TenantRuntime tenant, string item, CancellationToken cancellationToken)
    {
        var key = new Counted(tenant.Name, tenant.Settings.CreatedUtc, item);
        _shown.TryAdd(key, 0);
        var now = _time.GetUtcNow();
        if (!_stored.TryGetValue(key, out var stored) || now - stored.ReadUtc > s_staleAfter)
        {
            var writes = WriteMark;
            await using var db = tenant.CreateDbContext();
            var views = await db.ViewCounts.AsNoTracking().Where(v => v.ContentItemId == item).Select(v => (long?)v.Views).FirstOrDefaultAsync(cancellationToken) ?? 0;
            stored = new Stored(views, now);
            Remember(tenant, item, views, writes);
        }

        return stored.Views + _writing.GetValueOrDefault(key) + _pending.GetValueOrDefault(key);
    }

    /// <summary>Writes the counted views, one transaction per tenant; views of a failed write are kept for the next one.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            var batch = new Dictionary<Counted, long>();
            foreach (var key in _pending.Keys)
            {
                // Into _writing first, then out of _pending: a reader in between counts these twice for an
                // instant rather than not at all.
                if (_pending.TryGetValue(key, out var views) && views > 0)
                {
                    _writing[key] = views;
                    _pending.AddOrUpdate(key, 0, (_, n) => n - views);
                    _pending.TryRemove(new KeyValuePair<Counted, long>(key, 0));
                    batch[key] = views;
                }
            }

            foreach (var tenant in batch.GroupBy(b => (b.Key.Tenant, b.Key.TenantCreatedUtc)))
            {
                var settings = _databases.Find(tenant.Key.Tenant);
                if (settings is not { State: TenantState.Running } || settings.CreatedUtc != tenant.Key.TenantCreatedUtc)
                {
                    HoldOrDrop(tenant, settings is not null && settings.CreatedUtc == tenant.Key.TenantCreatedUtc);
                    continue;
                }

                try
                {
                    await WriteAsync(settings, tenant.ToDictionary(b => b.Key.Item, b => b.Value), cancellationToken);
                    Interlocked.Increment(ref _writes);
                    foreach (var (key, views) in tenant)
                    {
                        // Stored now holds what was being written (for an instant it is counted twice, never not at all).
                        if (_stored.TryGetValue(key, out var before))
                        {
                            _stored.TryUpdate(key, before with { Views = before.Views + views }, before);
                        }

                        _writing.TryRemove(key, out _);
                    }
                }
                catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
                {
                    _logger.LogWarning(ex, "View counts of tenant {Tenant} were not written; they are kept for the next flush", settings.Name);
                    foreach (var (key, views) in tenant)
                    {
                        _writing.TryRemove(key, out _);
                        _pending.AddOrUpdate(key, views, (_, n) => n + views);
                    }
                }
            }

            await RefreshShownAsync(cancellationToken);
            ForgetOldReaders();
        }
        finally
        {
            _flushing.Release();
        }
    }

    // A disabled tenant's counts wait for it to run again (it may be being removed: nothing is written meanwhile);
    // those of a tenant that is gone, or whose name a new tenant now has, go with it.
    private void HoldOrDrop(IEnumerable<KeyValuePair<Counted, long>> counts, bool keep)
    {
        foreach (var (key, views) in counts)
        {
            _writing.TryRemove(key, out _);
            if (keep)
            {
                _pending.AddOrUpdate(key, views, (_, n) => n + views);
            }
            else
            {
                _stored.TryRemove(key, out _);
            }
        }
    }

    // Under the flush lock, after this node's writes have committed: what is read is exactly the stored count,
    // other nodes' writes included.
    private async Task RefreshShownAsync(CancellationToken cancellationToken)
    {
        var shown = _shown.Keys.ToList();
        foreach (var key in shown)
        {
            _shown.TryRemove(key, out _);
        }

        foreach (var tenant in shown.GroupBy(k => (k.Tenant, k.TenantCreatedUtc)))
        {
            var settings = _databases.Find(tenant.Key.Tenant);
            if (settings is not { State: TenantState.Running } || settings.CreatedUtc != tenant.Key.TenantCreatedUtc)
            {
                continue;
            }

            var items = tenant.Select(k => k.Item).ToList();
            try
            {
                var now = _time.GetUtcNow();
                await using var db = _databases.Open(settings);
                var stored = await db.ViewCounts.AsNoTracking().Where(v => items.Contains(v.ContentItemId))
                    .ToDictionaryAsync(v => v.ContentItemId, v => v.Views, cancellationToken);
                foreach (var key in tenant)
                {
                    _stored[key] = new Stored(stored.GetValueOrDefault(key.Item), now);
                }
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
            {
                // The counts shown stay as they were; a count not refreshed for two intervals is read with its page.
                _logger.LogWarning(ex, "View counts of tenant {Tenant} were not re-read", settings.Name);
            }
        }
    }

    private async Task WriteAsync(TenantSettings settings, Dictionary<string, long> views, CancellationToken cancellationToken)
    {
        await using var db = _databases.Open(settings);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (item, count) in views)
        {
            // An upsert both providers understand; the tenant filter does not apply to raw SQL, so the tenant is explicit.
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""INSERT INTO "ViewCounts" ("TenantId", "ContentItemId", "Views") VALUES ({settings.Name}, {item}, {count}) ON CONFLICT ("TenantId", "ContentItemId") DO UPDATE SET "Views" = "ViewCounts"."Views" + {count}""",
                cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private void ForgetOldReaders()
    {
        var cutoff = _time.GetUtcNow().UtcTicks - ReaderWindow.Ticks;
        foreach (var (key, seen) in _seen)
        {
            if (seen < cutoff)
            {
                _seen.TryRemove(key, out _);
            }
        }
    }

    // A reader is their address and browser, hashed with a key that lives only in this process: nothing
    // that identifies a person is stored, and no cookie is needed.
    private ulong Reader(HttpContext context)
    {
        var identity = $"{context.Connection.RemoteIpAddress}|{context.Request.Headers.UserAgent}";
        var hash = HMACSHA256.HashData(_salt, Encoding.UTF8.GetBytes(identity));
        return BitConverter.ToUInt64(hash, 0);
    }

    internal static bool IsAutomated(HttpRequest request)
    {
        var agent = request.Headers.UserAgent.ToString();
        return agent.Length == 0
            || BotPattern().IsMatch(agent)
            || request.Headers["Purpose"] == "prefetch"
            || request.Headers["Sec-Purpose"].ToString().Contains("prefetch", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"bot|crawl|spider|slurp|fetch|preview|monitor|scan|curl|wget|python|java/|go-http|okhttp|libwww|httpclient|headless|lighthouse|feed|rss", RegexOptions.IgnoreCase)]
    private static partial Regex BotPattern();

    private sealed record Stored(long Views, DateTimeOffset ReadUtc);

    /// <summary>An item of a tenant as created: a new tenant of a removed one's name is another tenant.</summary>
    private readonly record struct Counted(string Tenant, DateTimeOffset TenantCreatedUtc, string Item);
}
