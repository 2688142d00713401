using Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cms.Practice.Site;

/// <summary>
/// A page's one read (its item's rendered body and stored view count) as an EF Core compiled query: building and
/// looking up the LINQ query on every page was a third of the read's CPU in a trace (issue 12, item 4). One per
/// tenant runtime, not one per process: a compiled query refuses a context of another model, and SQLite and
/// PostgreSQL tenants have different models. No change makes it stale, so changes keep it.
/// </summary>
internal sealed class BodyQuery : Cms.Tenancy.IChangeAwareState
{
    public Task ChangedAsync(Cms.Tenancy.TenantChange change, CancellationToken cancellationToken) => Task.CompletedTask;

    private readonly Func<TenantDbContext, string, bool, CancellationToken, Task<BodyRow?>> _query = EF.CompileAsyncQuery(
        (TenantDbContext db, string contentItemId, bool latest, CancellationToken _) => db.ContentItems.AsNoTracking()
            .Where(c => c.ContentItemId == contentItemId && (latest ? c.Latest : c.Published))
            .Select(c => new BodyRow(c.RenderedJson, db.ViewCounts.Where(v => v.ContentItemId == contentItemId).Select(v => (long?)v.Views).FirstOrDefault()))
            .FirstOrDefault());

    public Task<BodyRow?> RunAsync(TenantDbContext db, string contentItemId, bool latest, CancellationToken cancellationToken) =>
        _query(db, contentItemId, latest, cancellationToken);
}
