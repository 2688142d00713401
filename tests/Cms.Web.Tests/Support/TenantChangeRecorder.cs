using Cms.Tenancy;

namespace Cms.Web.Tests.Support;

/// <summary>Every <see cref="TenantChange"/> one host's observers were told of, in order.</summary>
public sealed class TenantChangeRecorder : ITenantChangeObserver
{
    private readonly List<TenantChange> _changes = [];

    /// <summary>How many changes were recorded so far: a mark to read what comes after.</summary>
    public int Count
    {
        get
        {
            lock (_changes)
            {
                return _changes.Count;
            }
        }
    }

    Task ITenantChangeObserver.ChangedAsync(TenantChange change, CancellationToken cancellationToken)
    {
        lock (_changes)
        {
            _changes.Add(change);
        }

        return Task.CompletedTask;
    }

    /// <summary>The changes of the tenant recorded after the mark.</summary>
    internal IReadOnlyList<TenantChange> Since(int mark, string tenant)
    {
        lock (_changes)
        {
            return _changes.Skip(mark).Where(c => c.Tenant == tenant).ToList();
        }
    }

    /// <summary>Waits up to the timeout for a change of the tenant after the mark that matches.</summary>
    internal Task<TenantChange?> WaitForAsync(int mark, string tenant, Func<TenantChange, bool> match, TimeSpan timeout) =>
        Eventually.AnswerAsync(() => Task.FromResult(Since(mark, tenant).FirstOrDefault(match)), found => found is not null, timeout);
}
