using System.Net;
using Cms.Core.Tests.Support;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cms.Web.Tests.Nodes;

/// <summary>
/// Issue 11, item 2: on PostgreSQL a change made on one node reaches the others by LISTEN/NOTIFY, at once, not when
/// their next registry poll comes round.
/// </summary>
public sealed class ChangePushTests
{
    private const string ArticleId = "pushedarticle00000000001";
    private const string ArticlePath = PublicSite.Base + "/articles/pushed";

    [SkippableFact]
    public async Task APublishOnOneNodeIsOnTheOtherNodesPagesWithoutWaitingForAPoll()
    {
        await using var postgres = await PostgresTestDatabase.CreateAsync();
        using var a = CmsFactory.OnPostgres(postgres.ConnectionString);
        using var b = CmsFactory.OnPostgres(postgres.ConnectionString);
        // A poll a minute: what reaches node B within the wait below was pushed.
        using var nodeA = ClientOf(a);
        using var nodeB = ClientOf(b);

        await PublicSite.ImportAsync(nodeA, PublicSite.Base, PublicSite.ArticleRecipe(ArticleId, "Before Push", "articles/pushed", published: true));
        Assert.Contains("Before Push", await PageTextAsync(nodeB), StringComparison.Ordinal);

        await PublicSite.ImportAsync(nodeA, PublicSite.Base, PublicSite.ArticleRecipe(ArticleId, "After Push", "articles/pushed", published: true));

        // Waits for an event, bounded: the page on B changes once B hears of the publish.
        var seen = "";
        for (var deadline = DateTime.UtcNow.AddSeconds(5); DateTime.UtcNow < deadline && !seen.Contains("After Push", StringComparison.Ordinal);)
        {
            await Task.Delay(50);
            seen = await PageTextAsync(nodeB);
        }

        Assert.Contains("After Push", seen, StringComparison.Ordinal);
    }

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
