using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Core.Tests.Tenancy;

/// <summary>
/// Issue 13, item 6 (and issue 12, item 4): a tenant runtime's contexts come from its pool; a context leased again
/// carries nothing of its last use: no change recorded by a write that never committed (which would otherwise be
/// raised with the next writer's), and its own tenant.
/// </summary>
public sealed class PooledContextTests
{
    [Fact]
    public async Task AContextLeasedAgainForgetsTheChangeItsLastUseRecordedButNeverCommitted()
    {
        await using var storage = await TestStorage.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = await storage.StartAsync();
        var created = await services.GetRequiredService<TenantManager>().CreateAsync(new CreateTenantRequest { Name = "ash", Prefix = "ash" }, default);
        var runtime = await services.GetRequiredService<TenantRuntimeCache>().GetAsync(created.Tenant!, default);

        TenantDbContext first;
        await using (first = runtime.CreateDbContext())
        {
            first.PendingChange.RecordItem("never-committed");
        }

        await using var second = runtime.CreateDbContext();

        Assert.Same(first, second);
        Assert.Null(second.PendingChange.Take("ash"));
        Assert.Equal("ash", second.TenantId);
    }
}
