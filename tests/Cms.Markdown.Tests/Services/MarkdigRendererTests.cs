using Cms.Markdown.Tests.Support;

namespace Cms.Markdown.Tests.Services;

public sealed class MarkdigRendererTests
{
    [Fact]
    public void RendersHeadingsListsAndEmphasis()
    {
        var html = Renderers.Create().ToHtml("# Coping with worry\n\n- Breathe *slowly*\n- Name **five** things\n\n1. First\n2. Second");

        Assert.Contains("<h1 id=\"coping-with-worry\">Coping with worry</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Breathe <em>slowly</em></li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Name <strong>five</strong> things</li>", html, StringComparison.Ordinal);
        Assert.Contains("<ol>\n<li>First</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RendersPipeTablesWithTheAdvancedExtensions()
    {
        var html = Renderers.Create().ToHtml("| Session | Minutes |\n|:--|--:|\n| Intake | 90 |");

        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("<th style=\"text-align: left\">Session</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td style=\"text-align: right\">90</td>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- [x] Booked\n- [ ] Paid", "<input disabled=\"disabled\" type=\"checkbox\" checked=\"checked\"> Booked")]
    [InlineData("Grounding[^1]\n\n[^1]: Five senses.", "<a id=\"fnref:1\" href=\"#fn:1\" class=\"footnote-ref\"><sup>1</sup></a>")]
    [InlineData("Term\n:   Meaning", "<dl>\n<dt>Term</dt>\n<dd>Meaning</dd>\n</dl>")]
    [InlineData("^^^\n![Room](/media/room.jpg)\n^^^ Our room", "<figcaption>Our room</figcaption>")]
    [InlineData("~~old~~ and ==new==", "<del>old</del> and <mark>new</mark>")]
    [InlineData("```csharp\nvar calm = true;\n```", "<pre><code class=\"language-csharp\">var calm = true;\n</code></pre>")]
    [InlineData("Visit https://example.org today", "<a href=\"https://example.org\">https://example.org</a>")]
    public void RendersTheOtherAdvancedFeatures(string markdown, string expected)
    {
        Assert.Contains(expected, Renderers.Create().ToHtml(markdown), StringComparison.Ordinal);
    }

    [Fact]
    public void EscapesRawHtmlUnderNoHtml()
    {
        var html = Renderers.Create().ToHtml("Hello <b onclick=\"steal()\">there</b>\n\n<script>alert(1)</script>");

        Assert.Contains("Hello &lt;b onclick=\"steal()\"&gt;there&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RemovesScriptsEventHandlersAndJavascriptLinksWhenHtmlIsAllowed()
    {
        var markdown = "<script>alert(1)</script>\n\n<img src=\"/a.png\" onerror=\"alert(2)\" alt=\"A\">\n\n[Click](javascript:alert(3)) <a href=\"javascript:alert(4)\">me</a>";

        var html = Renderers.Create("advanced").ToHtml(markdown);

        Assert.DoesNotContain("script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<img src=\"/a.png\" alt=\"A\">", html, StringComparison.Ordinal);
        Assert.Contains("<a>Click</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void KeepsRawHtmlWhenNotSanitizing()
    {
        var html = Renderers.Create("advanced").ToHtml("<div onclick=\"go()\">Hi</div>\n\n<script>track()</script>", sanitize: false);

        Assert.Contains("<div onclick=\"go()\">Hi</div>", html, StringComparison.Ordinal);
        Assert.Contains("<script>track()</script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsAnExtensionMarkdigDoesNotKnow()
    {
        var error = Assert.Throws<ArgumentException>(() => Renderers.Create("nohtml+tabels"));

        Assert.Contains("tabels", error.Message, StringComparison.Ordinal);
    }
}
