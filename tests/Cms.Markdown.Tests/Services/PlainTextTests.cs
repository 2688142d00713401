using Cms.Markdown.Services;

namespace Cms.Markdown.Tests.Services;

public sealed class PlainTextTests
{
    [Theory]
    [InlineData("<h1>Anxiety</h1><p>Breathe</p>", "Anxiety Breathe")]
    [InlineData("<p>un<em>happy</em> and <a href=\"/x\">linked</a>.</p>", "unhappy and linked.")]
    [InlineData("<ul><li>One</li><li>Two</li></ul>", "One Two")]
    [InlineData("<p>  spread \n\t out  </p>", "spread out")]
    [InlineData("<p>Fish &amp; chips &lt;3</p>", "Fish & chips <3")]
    [InlineData("<p>Hi</p><script>var secret = 1;</script><style>p{}</style>", "Hi")]
    [InlineData("<table><tr><td>A</td><td>B</td></tr></table>", "A B")]
    [InlineData("", "")]
    public void KeepsTheWordsAndDropsTheMarkup(string html, string expected)
    {
        Assert.Equal(expected, PlainText.FromHtml(html));
    }

    [Fact]
    public void SurvivesDeeplyNestedMarkup()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", 20_000)) + "deep" + string.Concat(Enumerable.Repeat("</div>", 20_000));

        Assert.Equal("deep", PlainText.FromHtml(html));
    }
}
