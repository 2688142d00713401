using Cms.Core.Tests.Support;
using Cms.Practice.Views;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests.Nodes;

/// <summary>
/// Issue 11, item 5: a page no longer reads its view count on its own, so the flush re-reads the counts of the pages a
/// node showed. A view another node wrote is on this node's cached page after this node's next flush.
/// </summary>
public sealed class ViewCountAcrossNodesTests
{
    private const string Reader = "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/140.0";
    private const string Bot = "curl/8.5.0";

    [SkippableFact]
    public async Task AViewWrittenByAnotherNodeIsOnTheCachedPageAfterTheNextFlush()
    {
        await using var postgres = await PostgresTestDatabase.CreateAsync();
        using var factoryA = CmsFactory.OnPostgres(postgres.ConnectionString);
        using var factoryB = CmsFactory.OnPostgres(postgres.ConnectionString);
        var (a, b) = (Node(factoryA), Node(factoryB));
        using var clientA = a.CreateClient();
        using var clientB = b.CreateClient();
        var (countsA, countsB) = (a.Services.GetRequiredService<ViewCounter>(), b.Services.GetRequiredService<ViewCounter>());

        Assert.Equal("1 view", await PublicSite.ViewsAsync(clientA, PublicSite.Article1, Reader + " reader-a"));
        await countsA.FlushAsync(default);
        Assert.Equal("2 views", await PublicSite.ViewsAsync(clientB, PublicSite.Article1, Reader + " reader-b"));
        await countsB.FlushAsync(default);

        // Node A's page is cached and its count was last read before node B wrote.
        Assert.Equal("1 view", await PublicSite.ViewsAsync(clientA, PublicSite.Article1, Bot));
        await countsA.FlushAsync(default);
        Assert.Equal("2 views", await PublicSite.ViewsAsync(clientA, PublicSite.Article1, Bot));
    }

    // A node's timed flush may run too; it re-reads only what the node showed since its last flush, as the test's do.
    private static WebApplicationFactory<Program> Node(CmsFactory factory) =>
        factory.WithWebHostBuilder(builder => builder.UseSetting("Cms:Tenants:RegistryPollInterval", "00:01:00"));
}
