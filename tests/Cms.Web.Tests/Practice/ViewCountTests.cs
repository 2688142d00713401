using Cms.Data;
using Cms.Practice.Views;
using Cms.Tenancy;
using Cms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests.Practice;

/// <summary>Article view counts: one per reader, none for bots, written in batches, kept across restarts.</summary>
public sealed class ViewCountTests
{
    private const string Browser = "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/140.0";

    [Fact]
    public async Task EachReaderCountsOnceBotsNotAtAllAndTheDatabaseIsWrittenOnlyInBatches()
    {
        // Without the timed flush, which a slow machine could reach before the test looks at the unwritten row.
        using var factory = new CmsFactory { Modules = services => BackgroundServices.Remove(services, BackgroundServices.ViewCountFlusher) };
        var client = factory.Client();

        Assert.Equal("1 view", await PublicSite.ViewsAsync(client, PublicSite.Article2, Browser + " reader-1"));
        Assert.Equal("1 view", await PublicSite.ViewsAsync(client, PublicSite.Article2, Browser + " reader-1"));
        Assert.Equal("1 view", await PublicSite.ViewsAsync(client, PublicSite.Article2, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"));
        Assert.Equal("1 view", await PublicSite.ViewsAsync(client, PublicSite.Article2, ""));
        Assert.Equal("2 views", await PublicSite.ViewsAsync(client, PublicSite.Article2, Browser + " reader-2"));

        // Fifty readers at once: none lost, none doubled.
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => PublicSite.ViewsAsync(factory.Client(), PublicSite.Article2, $"{Browser} parallel-{i}")));
        Assert.Null(await StoredViewsAsync(factory, "articletherapypart20000001"));

        await factory.Services.GetRequiredService<ViewCounter>().FlushAsync(default);

        Assert.Equal(52, await StoredViewsAsync(factory, "articletherapypart20000001"));
        Assert.Equal("52 views", await PublicSite.ViewsAsync(client, PublicSite.Article2, "curl/8.5.0"));
        Assert.Equal("1 view", await PublicSite.ViewsAsync(client, PublicSite.Article1, Browser + " reader-1"));
    }

    [Fact]
    public async Task CountsSurviveARestart()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "cms-web-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using (var first = CmsFactory.At(dataPath))
            {
                foreach (var reader in new[] { "a", "b", "c" })
                {
                    await PublicSite.ViewsAsync(first.Client(), PublicSite.Article1, $"{Browser} {reader}");
                }
            }

            // The stopping host wrote what it had counted.
            using var second = CmsFactory.At(dataPath);
            Assert.Equal("3 views", await PublicSite.ViewsAsync(second.Client(), PublicSite.Article1, "Googlebot"));
        }
        finally
        {
            CmsFactory.DeleteData(dataPath);
        }
    }

    private static async Task<long?> StoredViewsAsync(CmsFactory factory, string item)
    {
        // The stored row itself, read past the counter (and its cache) through the practice's own database.
        var tenant = (await factory.Services.GetRequiredService<TenantManager>().FindAsync("riverbend", default))!;
        await using var db = new TenantDbContext(factory.Services.GetRequiredService<CmsDatabase>().TenantOptions(tenant), tenant.Name);
        return await db.ViewCounts.AsNoTracking().Where(v => v.ContentItemId == item).Select(v => (long?)v.Views).FirstOrDefaultAsync();
    }
}
