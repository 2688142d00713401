using Cms.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cms.Tenancy;

/// <summary>
/// On PostgreSQL, hears every registry write (a publish, a setting, a new or moved tenant) the moment another node or
/// the CLI commits it, and refreshes the registry at once. The registry poll goes on beside it: it is what catches up
/// while this connection is lost, and a refresh that finds the version unchanged costs one single-row read.
/// </summary>
internal sealed class TenantChangeListener : BackgroundService
{
    /// <summary>The channel <see cref="TenantStore"/> notifies with the change (<see cref="TenantChangePayload"/>).</summary>
    public const string Channel = "cms_changes";

    private static readonly TimeSpan s_firstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_lastRetry = TimeSpan.FromSeconds(30);

    private readonly CmsDatabase _database;
    private readonly TenantRegistry _registry;
    private readonly TenantStore _store;
    private readonly TenantChanges _changes;
    private readonly TimeProvider _time;
    private readonly ILogger<TenantChangeListener> _logger;

    public TenantChangeListener(CmsDatabase database, TenantRegistry registry, TenantStore store, TenantChanges changes, TimeProvider time, ILogger<TenantChangeListener> logger)
    {
        _database = database;
        _registry = registry;
        _store = store;
        _changes = changes;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // SQLite is one node: every change is made in this process (or by the CLI, which the poll catches).
        if (_database.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        var retry = s_firstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(() => retry = s_firstRetry, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "Listening for tenant changes failed; the registry poll carries changes until it reconnects in {Retry}", retry);
                try
                {
                    await Task.Delay(retry, _time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, s_lastRetry.Ticks));
            }
        }
    }

    private async Task ListenAsync(Action connected, CancellationToken cancellationToken)
    {
        // A connection of its own, outside the pool: it is held for as long as the host runs. Keepalives make a
        // connection that died silently fail the wait instead of leaving it hanging.
        var connectionString = new NpgsqlConnectionStringBuilder(_database.SharedConnectionString) { Pooling = false, KeepAlive = 15 }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        // Heard from before the LISTEN: a notification committed just after it can arrive with its reply.
        var heard = new Queue<string>();
        connection.Notification += (_, e) => heard.Enqueue(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        connected();
        while (true)
        {
            while (heard.TryDequeue(out var payload))
            {
                // This node applied its own changes when it raised them; another node's are applied item by item here.
                if (TenantChangePayload.Read(payload) is { } change && change.Node != _store.NodeId)
                {
                    await _changes.HeardAsync(change.Change, cancellationToken);
                }
            }

            // What was written while nobody listened (at start, or while the connection was lost), and a payload that
            // could not be read (an older version's), are caught up here as changes not heard of.
            await _registry.RefreshAsync(cancellationToken);
            await connection.WaitAsync(cancellationToken);
        }
    }
}
