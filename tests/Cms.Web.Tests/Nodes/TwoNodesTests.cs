using System.Net;
using Cms.Core.Tests.Support;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Cms.Web.Tests.Nodes;

/// <summary>
/// Issue 11: two nodes on one PostgreSQL database. A change made on one reaches the others by LISTEN/NOTIFY, at once,
/// not when their next registry poll comes round (item 2), and a sign-in on one is valid on the other (item 4).
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
        Assert.Equal(2, await ListenersAsync(server, terminate: false));

        // Both nodes' listening connections cut, as a restarted database or a dropped network would.
        Assert.Equal(2, await ListenersAsync(server, terminate: true));
        var listening = 0L;
        for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline && listening < 2;)
        {
            await Task.Delay(100);
            listening = await ListenersAsync(server, terminate: false);
        }

        Assert.Equal(2, listening);
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

    /// <summary>The connections of this test's database waiting on LISTEN: counted, or cut and counted.</summary>
    private static async Task<long> ListenersAsync(NpgsqlConnection server, bool terminate)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT count({(terminate ? "pg_terminate_backend(pid)" : "*")}) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN%'",
            server);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Reads node B's page until it shows the text, for at most 5 s: a bounded wait for an event, far below the
    /// one-minute poll, so only a pushed change gets there in time.
    /// </summary>
    private static async Task<string> WaitForAsync(HttpClient client, string text)
    {
        var seen = await PageTextAsync(client);
        for (var deadline = DateTime.UtcNow.AddSeconds(5); DateTime.UtcNow < deadline && !seen.Contains(text, StringComparison.Ordinal);)
        {
            await Task.Delay(50);
            seen = await PageTextAsync(client);
        }

        return seen;
    }

    /// <summary>A node that polls the registry once a minute: what reaches it within a test's wait was pushed.</summary>
    private static HttpClient ClientOf(CmsFactory factory) => factory
        .WithWebHostBuilder(builder => builder.UseSetting("Cms:Tenants:RegistryPollInterval", "00:01:00"))
        .CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });

    private static async Task<string> PageTextAsync(HttpClient client)
    {
        using var response = await client.GetAsync(ArticlePath);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {ArticlePath}: {(int)response.StatusCode}. {html[..Math.Min(html.Length, 400)]}");
        return html;
    }
}
