using AngleSharp.Dom;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Practice;

/// <summary>Issue 14, item 9: a series says "more coming" only while fewer parts are published than planned.</summary>
public sealed class SeriesPlannedPartsTests : IClassFixture<CmsFactory>
{
    private readonly CmsFactory _factory;

    public SeriesPlannedPartsTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task AnOngoingSeriesWithEveryPlannedPartPublishedSaysNoMoreAreComing()
    {
        var client = _factory.Client();
        await ImportSeriesAsync(client, "seriessleepwell0000000001", "Sleeping Well", "series/sleeping-well", planned: 2, published: 2);

        var series = await PublicSite.PageAsync(client, PublicSite.Base + "/series/sleeping-well");
        Assert.Equal("Series · 2 parts, complete", Text(series.QuerySelector(".kicker")));
        Assert.Null(series.QuerySelector(".coming"));

        var index = await PublicSite.PageAsync(client, PublicSite.Base + "/series");
        Assert.Equal("2 parts · complete", Text(CardOf(index, "Sleeping Well").QuerySelector(".meta")));

        var last = await PublicSite.PageAsync(client, PublicSite.Base + "/articles/sleeping-well-part-2");
        Assert.StartsWith("Part 2 of 2", Text(last.QuerySelector(".series-box summary")), StringComparison.Ordinal);
        Assert.Equal(2, last.QuerySelectorAll(".series-toc li").Length);
        Assert.Null(last.QuerySelector(".coming"));
    }

    [Fact]
    public async Task AnOngoingSeriesWithPlannedPartsStillToComeSaysSoAndNumbersOnlyPlannedParts()
    {
        var client = _factory.Client();
        await ImportSeriesAsync(client, "serieswalking000000000001", "Walking Through Worry", "series/walking-through-worry", planned: 3, published: 2);

        var series = await PublicSite.PageAsync(client, PublicSite.Base + "/series/walking-through-worry");
        Assert.Equal("Series · 2 parts, more coming", Text(series.QuerySelector(".kicker")));

        var last = await PublicSite.PageAsync(client, PublicSite.Base + "/articles/walking-through-worry-part-2");
        Assert.StartsWith("Part 2 of 3", Text(last.QuerySelector(".series-box summary")), StringComparison.Ordinal);
        var coming = Assert.Single(last.QuerySelectorAll(".series-toc li.coming"));
        Assert.Equal("More parts coming", Text(coming));
        Assert.Equal(3, last.QuerySelectorAll(".series-toc li").Length);
    }

    [Fact]
    public async Task AnOngoingSeriesWithoutAPlanSaysMoreAreComingWithoutANumberedPlaceholder()
    {
        var client = _factory.Client();
        await ImportSeriesAsync(client, "seriesopenended0000000001", "Open Ended", "series/open-ended", planned: null, published: 2);

        var series = await PublicSite.PageAsync(client, PublicSite.Base + "/series/open-ended");
        Assert.Equal("Series · 2 parts, more coming", Text(series.QuerySelector(".kicker")));

        var last = await PublicSite.PageAsync(client, PublicSite.Base + "/articles/open-ended-part-2");
        Assert.Equal(2, last.QuerySelectorAll(".series-toc li").Length);
        Assert.Equal("More parts coming", Text(last.QuerySelector(".series-box p.coming")));
    }

    [Fact]
    public async Task ACompleteSeriesCountsItsPublishedPartsEvenWhenMoreWerePlanned()
    {
        var client = _factory.Client();
        await ImportSeriesAsync(client, "seriesshortened000000001", "Cut Short", "series/cut-short", planned: 4, published: 2, complete: true);

        var series = await PublicSite.PageAsync(client, PublicSite.Base + "/series/cut-short");
        Assert.Equal("Series · 2 parts, complete", Text(series.QuerySelector(".kicker")));

        var last = await PublicSite.PageAsync(client, PublicSite.Base + "/articles/cut-short-part-2");
        Assert.StartsWith("Part 2 of 2", Text(last.QuerySelector(".series-box summary")), StringComparison.Ordinal);
        Assert.Null(last.QuerySelector(".coming"));
    }

    private static async Task ImportSeriesAsync(HttpClient client, string id, string title, string path, int? planned, int published, bool complete = false)
    {
        var plannedJson = planned is { } n ? $$""", "PlannedParts": { "Value": {{n}} }""" : "";
        await PublicSite.ImportAsync(client, PublicSite.Base, $$"""
            {
              "name": "test-series",
              "steps": [ { "name": "content", "data": [ {
                "ContentItemId": "{{id}}", "ContentType": "Series", "DisplayText": "{{title}}", "Latest": true, "Published": true,
                "PublishedUtc": "2026-11-20T10:00:00Z", "CreatedUtc": "2026-11-20T10:00:00Z", "ModifiedUtc": "2026-11-20T10:00:00Z",
                "TitlePart": { "Title": "{{title}}" },
                "AutoroutePart": { "Path": "{{path}}" },
                "MarkdownBodyPart": { "Markdown": "About {{title}}." },
                "Series": { "Status": { "Text": "{{(complete ? "complete" : "ongoing")}}" }{{plannedJson}} }
              } ] } ]
            }
            """);
        var slug = path["series/".Length..];
        for (var part = 1; part <= published; part++)
        {
            await PublicSite.ImportAsync(client, PublicSite.Base, PublicSite.ArticleRecipe(
                $"{id[..20]}part{part}", $"{title}, Part {part}", $"articles/{slug}-part-{part}", published: true, id, part));
        }
    }

    private static IElement CardOf(IDocument page, string title) =>
        page.QuerySelectorAll(".card").Single(c => Text(c.QuerySelector(".card-title")) == title);

    private static string Text(IElement? element) => string.Join(' ', (element?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
