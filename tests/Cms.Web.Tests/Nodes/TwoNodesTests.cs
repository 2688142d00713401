using System.Net;
using Cms.Content;
using Cms.Core.Tests.Support;
using Cms.Practice.Views;
using Cms.Web.Tests.Admin;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Cms.Web.Tests.Nodes;

/// <summary>
/// Issue 11: two nodes on one PostgreSQL database. A change made on one reaches the others by LISTEN/NOTIFY, at once,
/// not when their next registry poll comes round (item 2); two saves at once, one on each, lose nothing (item 1); a
/// sign-in on one is valid on the other, a scheduled publish fires once and view counts add up (item 4).
/// </summary>
public sealed class TwoNodesTests
{
    private const string ArticleId = "pushedarticle00000000001";
    private const string ArticlePath = PublicSite.Base + "/articles/pushed";

    [SkippableFact]
    public async Task APublishOnOneNodeIsOnTheOtherNodesPagesWithoutWaitingForAPoll()
    {
        await using var postgres = await PostgresTestDatabase.CreateAsync();
        using var a = CmsFactory.OnPostgres(postgres.ConnectionString);
        using var b = CmsFactory.OnPostgres(postgres.ConnectionString);
        using var nodeA = ClientOf(a);
        using var nodeB = ClientOf(b);

        await PublicSite.ImportAsync(nodeA, PublicSite.Base, PublicSite.ArticleRecipe(ArticleId, "Before Push", "articles/pushed", published: true));
        Assert.Contains("Before Push", await PageTextAsync(nodeB), StringComparison.Ordinal);
        await using var server = new NpgsqlConnection(postgres.ConnectionString);
        await server.OpenAsync();
        Assert.Equal(2, (await Listeners.WaitAsync(server, 2, [])).Count);

        await PublicSite.ImportAsync(nodeA, PublicSite.Base, PublicSite.ArticleRecipe(ArticleId, "After Push", "articles/pushed", published: true));
        Assert.Contains("After Push", await WaitForAsync(nodeB, "After Push"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ANodeListensAgainAfterItsConnectionIsCut()
    {
        await using var postgres = await PostgresTestDatabase.CreateAsync();
        using var a = CmsFactory.OnPostgres(postgres.ConnectionString);
        using var b = CmsFactory.OnPostgres(postgres.ConnectionString);
        using var nodeA = ClientOf(a);
        using var nodeB = ClientOf(b);
        await PublicSite.ImportAsync(nodeA, PublicSite.Base, PublicSite.ArticleRecipe(ArticleId, "Before Cut", "articles/pushed", published: true));
        Assert.Contains("Before Cut", await PageTextAsync(nodeB), StringComparison.Ordinal);
        await using var server = new NpgsqlConnection(postgres.ConnectionString);
        await server.OpenAsync();
        var cut = await Listeners.WaitAsync(server, 2, []);
        Assert.Equal(2, cut.Count);

        // Both nodes' listening connections cut, as a restarted database or a dropped network would. A cut connection
        // stays in pg_stat_activity until its process has exited, so only new connections count as listening again.
        await using (var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM unnest(@pids) AS pid", server))
        {
            terminate.Parameters.AddWithValue("pids", cut.ToArray());
            await terminate.ExecuteNonQueryAsync();
        }

        Assert.Equal(2, (await Listeners.WaitAsync(server, 2, cut)).Count);
        await PublicSite.ImportAsync(nodeA, PublicSite.Base, PublicSite.ArticleRecipe(ArticleId, "After Cut", "articles/pushed", published: true));
        Assert.Contains("After Cut", await WaitForAsync(nodeB, "After Cut"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ASignInOnOneNodeIsValidOnTheOther()
    {
        // Issue 11, item 4: the data-protection keys and the sessions live in the shared database, not on a node.
        await using var postgres = await PostgresTestDatabase.CreateAsync();
        using var a = CmsFactory.OnPostgres(postgres.ConnectionString);
        using var b = CmsFactory.OnPostgres(postgres.ConnectionString);
        using var nodeA = a.Client();
        using var signedIn = await CmsFactory.SignInAsync(nodeA, PublicSite.Base, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        var cookies = signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => !c.EndsWith('=')).ToList();

        using var nodeB = b.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, PublicSite.Base + "/admin");
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        using var response = await nodeB.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [SkippableFact]
    public async Task TwoPeopleSavingOneArticleOnTwoNodesAtOnceOneIsToldAndNoSaveIsLost()
    {
        // Issue 11, item 1 across nodes: the version check is in the shared database's write, not in a node's memory.
        await using var postgres = await PostgresTestDatabase.CreateAsync();
        using var a = CmsFactory.OnPostgres(postgres.ConnectionString);
        using var b = CmsFactory.OnPostgres(postgres.ConnectionString);
        var first = await AdminSite.SignInAsync(a, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await AdminSite.AddUserAsync(first, "editor2", "a-long-password-1", "Editor");
        var second = await AdminSite.SignInAsync(b, "editor2", "a-long-password-1");

        for (var round = 1; round <= 6; round++)
        {
            await ConcurrentEditTests.SaveAtOnceAsync(first, second, round);
        }
    }

    [SkippableFact]
    public async Task AScheduledPublishFiresOnceWhenBothNodesLookAtTheSameMoment()
    {
        // Issue 11, item 4: each node's scheduler races for the due rows; the lease lets one of them publish each.
        const int Drafts = 5;
        await using var postgres = await PostgresTestDatabase.CreateAsync();
        using var a = CmsFactory.OnPostgres(postgres.ConnectionString);
        using var b = CmsFactory.OnPostgres(postgres.ConnectionString);
        using var nodeA = a.CreateClient();
        using var nodeB = b.CreateClient();
        var ids = Enumerable.Range(1, Drafts).Select(i => $"scheduledarticle00000000{i}").ToList();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            await PublicSite.ImportAsync(nodeA, PublicSite.Base, PublicSite.ArticleRecipe(id, $"Scheduled {i}", $"articles/scheduled-{i}", published: false));
            await a.Services.GetRequiredService<ScheduledPublishing>().ScheduleAsync("riverbend", id, DateTimeOffset.UtcNow.AddMinutes(-1), "admin", default);
        }

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var rounds = new[] { a, b, a, b }.Select(node => Task.Run(async () =>
        {
            await go.Task;
            return await node.Services.GetRequiredService<ScheduledPublishing>().PublishDueAsync(default);
        })).ToList();
        go.SetResult();
        var published = await Task.WhenAll(rounds);

        Assert.True(published.Sum() == Drafts, $"Publishes per round (A, B, A, B): {string.Join(", ", published)}; expected {Drafts} in all.");
        Assert.Equal(0, await b.Services.GetRequiredService<ScheduledPublishing>().PublishDueAsync(default));
        for (var i = 0; i < Drafts; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await nodeB.GetAsync($"{PublicSite.Base}/articles/scheduled-{i}")).StatusCode);
        }
    }

    [SkippableFact]
    public async Task ViewsCountedOnBothNodesAddUp()
    {
        // Issue 11, item 4: each node writes the views it counted as an increment, so neither overwrites the other's.
        const string Browser = "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/140.0";
        await using var postgres = await PostgresTestDatabase.CreateAsync();
        using var a = CmsFactory.OnPostgres(postgres.ConnectionString);
        using var b = CmsFactory.OnPostgres(postgres.ConnectionString);
        foreach (var (node, person) in new[] { (a, "r1"), (b, "r2"), (a, "r3"), (b, "r4"), (b, "r5") })
        {
            await PublicSite.ViewsAsync(node.Client(), PublicSite.Article1, $"{Browser} {person}");
        }

        await Task.WhenAll(a.Services.GetRequiredService<ViewCounter>().FlushAsync(default), b.Services.GetRequiredService<ViewCounter>().FlushAsync(default));

        await using var server = new NpgsqlConnection(postgres.ConnectionString);
        await server.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"""SELECT set_config('{Cms.Data.TenantSessionInterceptor.SettingName}', 'riverbend', false); SELECT "Views" FROM "ViewCounts" WHERE "ContentItemId" = 'articletherapypart10000001'""",
            server);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        Assert.True(await reader.ReadAsync(), "No view count was stored.");
        Assert.Equal(5L, reader.GetInt64(0));
    }

    /// <summary>
    /// Reads node B's page until it shows the text, for at most 20 s: a bounded wait for an event, far below the
    /// ten-minute poll, so only a pushed change gets there in time.
    /// </summary>
    private static Task<string> WaitForAsync(HttpClient client, string text) =>
        Eventually.AnswerAsync(() => PageTextAsync(client), seen => seen.Contains(text, StringComparison.Ordinal), TimeSpan.FromSeconds(20));

    /// <summary>A node that polls the registry every ten minutes: what reaches it within a test's wait was pushed.</summary>
    private static HttpClient ClientOf(CmsFactory factory) => factory
        .WithWebHostBuilder(builder => builder.UseSetting("Cms:Tenants:RegistryPollInterval", "00:10:00"))
        .CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });

    private static async Task<string> PageTextAsync(HttpClient client)
    {
        using var response = await client.GetAsync(ArticlePath);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {ArticlePath}: {(int)response.StatusCode}. {html[..Math.Min(html.Length, 400)]}");
        return html;
    }
}
