using System.Net;
using Cms.Tenancy;
using Cms.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests.Practice;

/// <summary>What readers see as content changes: drafts stay private, a publish shows everywhere at once, tenants stay apart.</summary>
public sealed class PublishingTests : IClassFixture<CmsFactory>
{
    private const string SeriesId = "serieswhatyoushouldknow001";

    private const string WillowCounselor = """
        { "name": "willow", "steps": [ { "name": "content", "data": [ {
          "ContentItemId": "willowcounselor0000000001", "ContentType": "Counselor", "Latest": true, "Published": true,
          "TitlePart": { "Title": "Wren Alder" },
          "Counselor": { "ProfessionalTitle": { "Text": "Counselor" }, "LicenseStatus": { "Text": "licensed" }, "NewClientStatus": { "Text": "accepting" }, "Photo": { "Paths": [ "w.png" ], "MediaTexts": [ "Portrait of Wren" ] } }
        } ] } ] }
        """;

    private readonly CmsFactory _factory;

    public PublishingTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task ADraftNeverShowsOnThePublicSite()
    {
        var client = _factory.Client();
        await PublicSite.ImportAsync(client, PublicSite.Base, PublicSite.ArticleRecipe("draftarticle0000000000001", "A Draft About Sleep", "articles/a-draft-about-sleep", published: false));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(PublicSite.Base + "/articles/a-draft-about-sleep")).StatusCode);
        foreach (var page in new[] { "/", "/articles", "/feed.xml", "/atom.xml", "/sitemap.xml", "/topics/anxiety", "/counselors/dana-whitfield" })
        {
            var text = await client.GetStringAsync(PublicSite.Base + page);
            Assert.DoesNotContain("A Draft About Sleep", text, StringComparison.Ordinal);
            Assert.DoesNotContain("a-draft-about-sleep", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PublishingAPartUpdatesTheHomePageTheSeriesTheOtherPartsAndTheFeedsAtOnce()
    {
        var client = _factory.Client();
        // Every page below is read (and so cached) before the publish.
        string[] pages = ["/", "/articles", "/series/what-you-should-know-about-therapy", "/articles/what-you-should-know-about-therapy-part-3", "/feed.xml", "/series/what-you-should-know-about-therapy/feed.xml"];
        foreach (var page in pages)
        {
            Assert.DoesNotContain("Part 4: Ending Well", await client.GetStringAsync(PublicSite.Base + page), StringComparison.Ordinal);
        }

        await PublicSite.ImportAsync(client, PublicSite.Base, PublicSite.ArticleRecipe(
            "articletherapypart40000001", "What You Should Know About Therapy, Part 4: Ending Well", "articles/what-you-should-know-about-therapy-part-4", published: true, SeriesId, part: 4));

        foreach (var page in pages)
        {
            Assert.Contains("Part 4: Ending Well", await client.GetStringAsync(PublicSite.Base + page), StringComparison.Ordinal);
        }

        var part4 = await PublicSite.PageAsync(client, PublicSite.Base + "/articles/what-you-should-know-about-therapy-part-4");
        Assert.Contains("Part 4 of 4", part4.QuerySelector(".series-box summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(PublicSite.Base + "/articles/what-you-should-know-about-therapy-part-3", part4.QuerySelector(".series-nav a[rel=prev]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task APartNumberAlreadyUsedInTheSeriesIsRefusedAndNothingChanges()
    {
        var client = _factory.Client();
        var before = await client.GetStringAsync(PublicSite.Series);
        using var request = new HttpRequestMessage(HttpMethod.Post, PublicSite.Base + "/api/recipes")
        {
            Content = new StringContent(
                PublicSite.ArticleRecipe("articleduplicatepart00001", "Another Second Part", "articles/another-second-part", published: true, SeriesId, part: 2),
                System.Text.Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Add("X-Api-Key", CmsFactory.ApiKey);
        using var response = await client.SendAsync(request);
        var report = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("/steps/0/data/0/Article/Part", report, StringComparison.Ordinal);
        Assert.Contains("Part 2 of “What You Should Know About Therapy” is already “What You Should Know About Therapy, Part 2: Your First Few Sessions”", report, StringComparison.Ordinal);
        Assert.Equal(before, await client.GetStringAsync(PublicSite.Series));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(PublicSite.Base + "/articles/another-second-part")).StatusCode);
    }

    [Fact]
    public async Task TwoPracticesNeverSeeEachOthersContent()
    {
        var tenants = _factory.Services.GetRequiredService<TenantManager>();
        var created = await tenants.CreateAsync(new CreateTenantRequest { Name = "willow", Prefix = "willow", RecipeName = "practice" }, default);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        var client = _factory.Client();
        await PublicSite.ImportAsync(client, "/willow", WillowCounselor);
        await PublicSite.ImportAsync(client, "/willow", PublicSite.ArticleRecipe("willowarticle000000000001", "Willow Only Article", "articles/willow-only", published: true)
            .Replace("counselordanawhitfield0001", "willowcounselor0000000001", StringComparison.Ordinal));

        // Same paths on both practices, each its own content.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/willow/articles/what-you-should-know-about-therapy-part-1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(PublicSite.Base + "/articles/willow-only")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/willow/articles/willow-only")).StatusCode);
        foreach (var page in new[] { "/", "/articles", "/counselors", "/feed.xml", "/sitemap.xml" })
        {
            var willow = await client.GetStringAsync("/willow" + page);
            var riverbend = await client.GetStringAsync(PublicSite.Base + page);
            Assert.DoesNotContain("Dana Whitfield", willow, StringComparison.Ordinal);
            Assert.DoesNotContain("Riverbend", willow, StringComparison.Ordinal);
            Assert.DoesNotContain("Wren Alder", riverbend, StringComparison.Ordinal);
            Assert.DoesNotContain("Willow Only", riverbend, StringComparison.Ordinal);
        }

        // Media too: a practice's files are served from its own folder only.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(PublicSite.Base + "/media/counselors/dana-whitfield.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/willow/media/counselors/dana-whitfield.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/willow/media/..%2F..%2Friverbend%2FMedia%2Fcounselors%2Fdana-whitfield.png")).StatusCode);
    }
}
