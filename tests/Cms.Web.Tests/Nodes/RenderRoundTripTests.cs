using System.Collections.Concurrent;
using System.Diagnostics;
using Cms.Core.Tests.Support;
using Cms.Practice.Views;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Cms.Web.Tests.Nodes;

/// <summary>
/// Issue 11, item 5: a public page on PostgreSQL costs at most one round trip to the database when it is rendered
/// (the tenant's row-level-security setting goes with the page's one read) and none when it comes from the page cache.
/// Its images are read once per node for their version and size (issue 14, item 6), not on every render.
/// </summary>
public sealed class RenderRoundTripTests(ITestOutputHelper output)
{
    private const string Reader = "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/140.0";

    [SkippableFact]
    public async Task AnUncachedArticleOrHomePageIsOneRoundTrip()
    {
        await using var postgres = await PostgresTestDatabase.CreateAsync();
        using var factory = CmsFactory.OnPostgres(postgres.ConnectionString);
        using var client = Client(Node(factory, pageCacheBytes: "0"));
        // Once per node, each image a page shows is read for its version and size, then remembered until a media change.
        foreach (var page in new[] { PublicSite.Article1, PublicSite.Base, PublicSite.Dana })
        {
            await GetAsync(client, page);
        }

        Assert.InRange(await RoundTripsAsync(client, PublicSite.Article1), 0, 1);
        Assert.InRange(await RoundTripsAsync(client, PublicSite.Base), 0, 1);
        Assert.InRange(await RoundTripsAsync(client, PublicSite.Dana), 0, 1);
    }

    [SkippableFact]
    public async Task ACachedArticleIsNoRoundTripEvenAfterItsViewsWereWritten()
    {
        await using var postgres = await PostgresTestDatabase.CreateAsync();
        using var factory = CmsFactory.OnPostgres(postgres.ConnectionString);
        var node = Node(factory, pageCacheBytes: null);
        using var client = Client(node);
        await GetAsync(client, PublicSite.Article1, Reader);
        await GetAsync(client, PublicSite.Base + "/articles");
        // The read just counted is written: the count the page shows is now the stored one.
        await node.Services.GetRequiredService<ViewCounter>().FlushAsync(default);

        Assert.Equal(0, await RoundTripsAsync(client, PublicSite.Article1));
        Assert.Equal(0, await RoundTripsAsync(client, PublicSite.Base + "/articles"));
    }

    /// <summary>
    /// The commands Npgsql sent to the server while serving one GET: each is one round trip (a batch of statements is
    /// one command). Npgsql traces every command it executes, EF Core's and plain ones alike; the request is told
    /// apart from the host's background work (registry poll, view-count flush) by a trace id of its own.
    /// </summary>
    private async Task<int> RoundTripsAsync(HttpClient client, string path)
    {
        var trace = ActivityTraceId.CreateRandom();
        var sent = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == "Npgsql" && activity.TraceId == trace)
                {
                    sent.Enqueue(activity.DisplayName + ": " + (activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement")));
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}");
        output.WriteLine($"GET {path}: {sent.Count} round trips");
        foreach (var command in sent)
        {
            output.WriteLine("  " + command);
        }

        return sent.Count;
    }

    private static async Task GetAsync(HttpClient client, string path, string? userAgent = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (userAgent is not null)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }

        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}");
    }

    // The registry poll slowed to a minute, and no User-Agent on the measured requests (not counted as a read), so
    // nothing in the background runs on the request's connections.
    private static WebApplicationFactory<Program> Node(CmsFactory factory, string? pageCacheBytes) => factory.WithWebHostBuilder(builder =>
    {
        builder.UseSetting("Cms:Tenants:RegistryPollInterval", "00:01:00");
        if (pageCacheBytes is not null)
        {
            builder.UseSetting("Cms:Practice:PageCacheBytes", pageCacheBytes);
        }
    });

    private static HttpClient Client(WebApplicationFactory<Program> node) =>
        node.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });
}
