using System.Data.Common;
using Cms.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Data;

/// <summary>
/// Raises what a tenant's writes recorded (<see cref="TenantDbContext.PendingChange"/>) once they are committed: when their
/// transaction commits, or when a save outside any transaction has completed. A rollback forgets it. So the change is
/// raised by the write itself, right after its commit, whoever made it.
/// </summary>
internal sealed class TenantChangeInterceptor : IDbTransactionInterceptor, ISaveChangesInterceptor
{
    // Resolved at the first commit, not injected: TenantChanges needs the store, which needs the database that adds this.
    private readonly IServiceProvider _services;

    public TenantChangeInterceptor(IServiceProvider services)
    {
        _services = services;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is TenantDbContext db)
        {
            await RaiseAsync(db, cancellationToken);
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as TenantDbContext)?.PendingChange.Clear();
        return Task.CompletedTask;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is TenantDbContext { Database.CurrentTransaction: null } db)
        {
            await RaiseAsync(db, cancellationToken);
        }

        return result;
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is TenantDbContext { Database.CurrentTransaction: null } db)
        {
            db.PendingChange.Clear();
        }

        return Task.CompletedTask;
    }

    private async Task RaiseAsync(TenantDbContext db, CancellationToken cancellationToken)
    {
        if (db.PendingChange.Take(db.TenantId) is { } change)
        {
            // Committed already: a request cancelled now must not keep the other nodes from hearing of it.
            await _services.GetRequiredService<TenantChanges>().RaiseAsync(change, CancellationToken.None);
        }
    }
}
