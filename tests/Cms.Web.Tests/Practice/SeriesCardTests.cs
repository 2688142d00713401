using Cms.Practice.Site;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Practice;

/// <summary>
/// Issue 14, item 11: the home page's series card of a series without a description of its own shows the opening of
/// its text as written: the bold kept, and no space before a full stop that followed bold text ("sessions .").
/// </summary>
public sealed class SeriesCardTests : IClassFixture<CmsFactory>
{
    private const string Series = """
        { "name": "series", "steps": [ { "name": "content", "data": [ {
          "ContentItemId": "serieswillow00000000000001", "ContentType": "Series", "DisplayText": "Starting Out", "Latest": true, "Published": true,
          "TitlePart": { "Title": "Starting Out" },
          "AutoroutePart": { "Path": "series/starting-out" },
          "MarkdownBodyPart": { "Markdown": "Three short parts about the **first few sessions**.\n\nA second paragraph." },
          "Series": { "Status": { "Text": "ongoing" } }
        } ] } ] }
        """;

    private readonly CmsFactory _factory;

    public SeriesCardTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task TheSeriesCardKeepsTheBoldAndTheFullStop()
    {
        await new PracticeCli(_factory).CreatePracticeAsync("willow", "--recipe", "practice");
        await PublicSite.ImportAsync(_factory.Client(), "/willow", Series);

        var home = await PublicSite.PageAsync(_factory.Client(), "/willow/");

        var card = home.QuerySelector(".series-feature")!;
        Assert.Contains("Three short parts about the first few sessions.", card.TextContent, StringComparison.Ordinal);
        Assert.Equal("first few sessions", card.QuerySelector("strong")?.TextContent);
        Assert.DoesNotContain("second paragraph", card.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExcerptLeavesNoSpaceWhereEmphasisWas()
    {
        Assert.Equal("About the first few sessions. And the rest.", PracticeSiteLoader.Excerpt("About the **first few sessions**. And _the rest_."));
    }
}
