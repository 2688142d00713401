using Cms.Practice.Site;

namespace Cms.Web.Tests.Practice;

/// <summary>The small rules of the site model: contrast of a practice's accent, reading time, excerpts, dates.</summary>
public sealed class SiteModelTests
{
    [Theory]
    [InlineData("#3f6b5c", "#3f6b5c")] // the default sage: 5.9:1 on the page background
    [InlineData("#2B4C7E", "#2b4c7e")] // a slate blue
    [InlineData("#9fc5b5", null)] // a pale sage: too light for links and for white button text
    [InlineData("#000000", "#000000")]
    [InlineData("sage", null)]
    [InlineData("#12345", null)]
    [InlineData(null, null)]
    public void AnAccentColourIsUsedOnlyWhenTextStaysReadable(string? color, string? expected)
    {
        Assert.Equal(expected, Contrast.Readable(color));
    }

    [Fact]
    public void ContrastRatiosMatchWcag()
    {
        Assert.Equal(21.0, Contrast.Ratio((0, 0, 0), (255, 255, 255)), 1);
        Assert.Equal(1.0, Contrast.Ratio((119, 119, 119), (119, 119, 119)), 3);
        Assert.Equal(4.48, Contrast.Ratio((119, 119, 119), (255, 255, 255)), 2);
    }

    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(275, 0, 1)]
    [InlineData(276, 0, 2)]
    [InlineData(1100, 0, 4)]
    [InlineData(1100, 2, 5)] // 4 min + 12 s + 11 s
    public void ReadingTimeIs275WordsAMinutePlusTimeForImages(int words, int images, int minutes)
    {
        var markdown = string.Join(' ', Enumerable.Repeat("word", words)) + string.Concat(Enumerable.Repeat("\n\n![A calm lake](/media/lake.png)", images));

        Assert.Equal(minutes, PracticeSiteLoader.ReadingMinutes(markdown));
    }

    [Fact]
    public void AnExcerptIsTheFirstFiftyWordsWithoutMarkdownOrLinkTargets()
    {
        var markdown = "## Why it matters\n\nRead **this** [guide](https://example.org/very/long/path) first. " + string.Join(' ', Enumerable.Range(1, 80).Select(i => "w" + i));

        var excerpt = PracticeSiteLoader.Excerpt(markdown)!;

        Assert.StartsWith("Why it matters Read this guide first. w1 w2", excerpt, StringComparison.Ordinal);
        Assert.EndsWith("w43…", excerpt, StringComparison.Ordinal);
        Assert.DoesNotContain("example.org", excerpt, StringComparison.Ordinal);
        Assert.Equal("Short.", PracticeSiteLoader.Excerpt("Short."));
        Assert.Null(PracticeSiteLoader.Excerpt("  \n## \n"));
    }

    [Fact]
    public void DatesShowInThePracticesTimeZone()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        // 02:30 UTC on Jul 21 is still Jul 20 in New York.
        var date = PracticeSiteLoader.Date(new DateTimeOffset(2020, 7, 21, 2, 30, 0, TimeSpan.Zero), zone);

        Assert.Equal("Jul 20, 2020", date.Display);
        Assert.Equal("2020-07-20T22:30:00-04:00", date.Iso);
    }

    [Theory]
    [InlineData("https://iocdf.org/", "https://iocdf.org/")]
    [InlineData("/contact", "/contact")]
    [InlineData("mailto:dana@riverbend.example", "mailto:dana@riverbend.example")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("data:text/html,<script>alert(1)</script>", null)]
    public void LinksThatCouldRunScriptAreDropped(string url, string? expected)
    {
        var item = System.Text.Json.Nodes.JsonNode.Parse($$"""{ "Membership": { "Organization": { "Url": {{System.Text.Json.JsonSerializer.Serialize(url)}}, "Text": "Org" } } }""")!.AsObject();

        Assert.Equal(expected, new ItemReader(item, "Membership").Link("Organization").Url);
    }
}
