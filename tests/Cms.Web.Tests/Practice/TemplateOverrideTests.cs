using System.Net;
using System.Text.Json;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Practice;

/// <summary>A practice overrides the theme's Liquid templates by name (Orchard's Templates step).</summary>
public sealed class TemplateOverrideTests : IClassFixture<CmsFactory>
{
    private readonly CmsFactory _factory;

    public TemplateOverrideTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task APracticesTemplateReplacesTheThemesOnEveryPageThatUsesIt()
    {
        var client = _factory.Client();
        var before = await PublicSite.PageAsync(client, PublicSite.Base + "/articles");
        Assert.Empty(before.QuerySelectorAll("li.custom-card"));

        await PublicSite.ImportAsync(client, PublicSite.Base, Templates(new Dictionary<string, string>
        {
            ["article-card"] = """<li class="custom-card"><a href="{{ article.Url | href }}">{{ article.Title | upcase }}</a> by {{ article.Author.Name }}</li>""",
        }));

        var after = await PublicSite.PageAsync(client, PublicSite.Base + "/articles");
        var cards = after.QuerySelectorAll("li.custom-card");
        Assert.Equal(before.QuerySelectorAll("li.article-card").Length, cards.Length);
        Assert.Contains(cards, c => c.TextContent.Contains("WHAT YOU SHOULD KNOW ABOUT THERAPY, PART 1", StringComparison.Ordinal) && c.TextContent.Contains("by Dana Whitfield", StringComparison.Ordinal));
        Assert.Equal(PublicSite.Article1, cards.SelectMany(c => c.QuerySelectorAll("a")).Select(a => a.GetAttribute("href")).Single(h => h!.EndsWith("part-1", StringComparison.Ordinal)));
        // The home page includes the same partial.
        Assert.NotEmpty((await PublicSite.PageAsync(client, PublicSite.Base + "/")).QuerySelectorAll("li.custom-card"));
    }

    [Fact]
    public async Task ABrokenTemplateIsRefusedWithItsErrorAndTheSiteKeepsWorking()
    {
        var client = _factory.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, PublicSite.Base + "/api/recipes")
        {
            Content = new StringContent(Templates(new Dictionary<string, string> { ["not-found"] = "<h1>{% if Practice.Name %}Lost</h1>" }), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", CmsFactory.ApiKey);
        using var response = await client.SendAsync(request);
        var report = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("/steps/0/Templates/not-found/Content", report, StringComparison.Ordinal);
        Assert.Contains("does not parse", report, StringComparison.Ordinal);
        var page = await PublicSite.PageAsync(client, PublicSite.Base + "/no-such-page", HttpStatusCode.NotFound);
        Assert.Equal("We couldn't find that page", page.QuerySelector("h1")!.TextContent);
    }

    private static string Templates(Dictionary<string, string> templates) => JsonSerializer.Serialize(new
    {
        name = "templates",
        steps = new[] { new Dictionary<string, object> { ["name"] = "Templates", ["Templates"] = templates.ToDictionary(t => t.Key, t => new { Content = t.Value, Description = "test" }) } },
    });
}
