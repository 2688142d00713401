using Cms.Markdown.Services;

namespace Cms.Markdown.Tests.Services;

public sealed class RichTextSanitizerTests
{
    private readonly RichTextSanitizer _sanitizer = new();

    [Theory]
    [InlineData("<h2 id=\"intro\">Intro</h2><p>Plain <strong>bold</strong> <em>it</em> <code>x</code></p>")]
    [InlineData("<ul><li>One</li></ul><ol start=\"3\"><li>Three</li></ol><dl><dt>T</dt><dd>D</dd></dl>")]
    [InlineData("<table><thead><tr><th scope=\"col\">A</th></tr></thead><tbody><tr><td colspan=\"2\">1</td></tr></tbody></table>")]
    [InlineData("<p><a href=\"https://example.org/book\" title=\"Book\">Book</a> <a href=\"/about\">About</a> <a href=\"mailto:hi@example.org\">Mail</a></p>")]
    [InlineData("<figure><img src=\"/media/room.jpg\" alt=\"Room\" width=\"640\"><figcaption>Room</figcaption></figure>")]
    [InlineData("<blockquote><p>Quote</p></blockquote><pre><code class=\"language-csharp\">var x = 1;</code></pre>")]
    public void KeepsArticleMarkup(string html)
    {
        Assert.Equal(html, _sanitizer.Sanitize(html));
    }

    [Theory]
    [InlineData("<p>Hi</p><script>alert(1)</script>", "<p>Hi</p>")]
    [InlineData("<img src=\"/a.png\" onerror=\"alert(1)\">", "<img src=\"/a.png\">")]
    [InlineData("<p onclick=\"alert(1)\" onmouseover=\"x()\">Hi</p>", "<p>Hi</p>")]
    [InlineData("<a href=\"javascript:alert(1)\">Hi</a>", "<a>Hi</a>")]
    [InlineData("<a href=\" JaVaScRiPt:alert(1)\">Hi</a>", "<a>Hi</a>")]
    [InlineData("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">", "<img>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe><p>After</p>", "<p>After</p>")]
    [InlineData("<object data=\"x.swf\"></object><embed src=\"x.swf\"><p>After</p>", "<p>After</p>")]
    [InlineData("<p style=\"position: fixed; background: url(x)\">Hi</p>", "<p>Hi</p>")]
    [InlineData("<form action=\"/x\"><input type=\"password\" name=\"p\"><button>Go</button></form><p>After</p>", "<p>After</p>")]
    [InlineData("<p data-track=\"1\">Hi</p><style>body{display:none}</style>", "<p>Hi</p>")]
    public void RemovesWhatCouldRunScriptEmbedPagesOrRestyleTheSite(string html, string expected)
    {
        Assert.Equal(expected, _sanitizer.Sanitize(html));
    }

    [Fact]
    public void KeepsTextAlignmentAndNothingElseInStyles()
    {
        var html = "<table><tbody><tr><td style=\"text-align: right; color: red\">9</td></tr></tbody></table>";

        Assert.Equal("<table><tbody><tr><td style=\"text-align: right\">9</td></tr></tbody></table>", _sanitizer.Sanitize(html));
    }

    [Theory]
    [InlineData("<a href=\"https://x.example\" target=\"_blank\">X</a>", "<a href=\"https://x.example\" target=\"_blank\" rel=\"noopener noreferrer\">X</a>")]
    [InlineData("<a href=\"https://x.example\" target=\"_blank\" rel=\"nofollow noopener\">X</a>", "<a href=\"https://x.example\" target=\"_blank\" rel=\"nofollow noopener noreferrer\">X</a>")]
    [InlineData("<a href=\"https://x.example\">X</a>", "<a href=\"https://x.example\">X</a>")]
    public void ProtectsTheOpenerOfLinksThatOpenANewWindow(string html, string expected)
    {
        Assert.Equal(expected, _sanitizer.Sanitize(html));
    }

    [Theory]
    [InlineData("<li><input type=\"checkbox\" checked> Done</li>", "<li><input type=\"checkbox\" checked=\"\" disabled=\"disabled\"> Done</li>")]
    [InlineData("<p><input type=\"text\" value=\"x\">Name</p>", "<p>Name</p>")]
    [InlineData("<p><input>Name</p>", "<p>Name</p>")]
    public void KeepsOnlyDisabledCheckboxesForTaskLists(string html, string expected)
    {
        Assert.Equal(expected, _sanitizer.Sanitize(html));
    }

    [Theory]
    [InlineData("<h2>Intro</h2><p>un<em>happy</em> &amp; <a href=\"javascript:x()\">linked</a></p><script>var secret = 1;</script>")]
    [InlineData("<p>Open <b>bold <i>both</b> italic</i> <table><td>A<td>B</table> after")]
    [InlineData("<ul><li>One<li>Two</ul><p>Fish &lt;3 <input type=\"text\" value=\"gone\"> end")]
    [InlineData("")]
    public void GivesTheSameHtmlAndTheWordsOfWhatItWrites(string html)
    {
        // The words come from the sanitized tree itself; they must be those of the HTML as written and read back.
        var rendered = _sanitizer.SanitizeWithText(html);

        Assert.Equal(_sanitizer.Sanitize(html), rendered.Html);
        Assert.Equal(PlainText.FromHtml(rendered.Html), rendered.Text);
    }
}
