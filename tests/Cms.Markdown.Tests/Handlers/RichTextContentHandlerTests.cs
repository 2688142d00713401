using Cms.Content.Handlers;
using Cms.Markdown.Handlers;
using Cms.Markdown.Services;
using Cms.Markdown.Tests.Support;

namespace Cms.Markdown.Tests.Handlers;

public sealed class RichTextContentHandlerTests
{
    private const string FullArticle = """
        {
          "ContentItemId": "4k5df0kadp9asy1n2ejzs1rz4r",
          "ContentType": "Article",
          "TitlePart": { "Title": "Coping with worry" },
          "MarkdownBodyPart": { "Markdown": "# Coping with worry\n\nBreathe **slowly**." },
          "HtmlBodyPart": { "Html": "<p onclick=\"steal()\">Call <b>us</b></p><script>track()</script>" },
          "Article": {
            "Summary": { "Markdown": "A *short* guide." },
            "Callout": { "Html": "<p>Crisis line: <a href=\"javascript:alert(1)\">call</a></p>" },
            "Subtitle": { "Text": "Not rich text" }
          }
        }
        """;

    [Fact]
    public async Task FillsRenderedHtmlUnderThePartNameAndTheFieldPath()
    {
        var context = ArticleContent.Saving(FullArticle);

        await Handler().SavingAsync(context, default);

        Assert.Equal(["Article.Callout", "Article.Summary", "HtmlBodyPart", "MarkdownBodyPart"], context.Index.RenderedHtml.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("<h1 id=\"coping-with-worry\">Coping with worry</h1>\n<p>Breathe <strong>slowly</strong>.</p>\n", context.Index.RenderedHtml["MarkdownBodyPart"]);
        Assert.Equal("<p>A <em>short</em> guide.</p>\n", context.Index.RenderedHtml["Article.Summary"]);
        Assert.Equal("<p>Call <b>us</b></p>", context.Index.RenderedHtml["HtmlBodyPart"]);
        Assert.Equal("<p>Crisis line: <a>call</a></p>", context.Index.RenderedHtml["Article.Callout"]);
        Assert.Empty(context.Errors);
    }

    [Fact]
    public async Task AppendsThePlainTextOfEveryBodyAndFieldToSearchText()
    {
        var context = ArticleContent.Saving(FullArticle);
        context.Index.SearchText.Append("Coping with worry");

        await Handler().SavingAsync(context, default);

        Assert.Equal("Coping with worry Coping with worry Breathe slowly. Call us A short guide. Crisis line: call", context.Index.SearchText.ToString());
    }

    [Fact]
    public async Task StoresUnsanitizedHtmlOnlyWhereSanitizeHtmlIsFalse()
    {
        var rawHtml = FullArticle
            .Replace("Breathe **slowly**.", "<div onclick=\\\"go()\\\">Breathe</div>", StringComparison.Ordinal)
            .Replace("A *short* guide.", "A <b onclick=\\\"go()\\\">short</b> guide.", StringComparison.Ordinal);
        var context = ArticleContent.Saving(
            rawHtml,
            markdownBodySettings: ArticleContent.SanitizeHtml("MarkdownBodyPartSettings", false),
            htmlBodySettings: ArticleContent.SanitizeHtml("HtmlBodyPartSettings", false),
            summarySettings: ArticleContent.SanitizeHtml("MarkdownFieldSettings", true),
            calloutSettings: ArticleContent.SanitizeHtml("HtmlFieldSettings", false));

        await new RichTextContentHandler(Renderers.Create("advanced"), new RichTextSanitizer()).SavingAsync(context, default);

        Assert.Contains("<div onclick=\"go()\">Breathe</div>", context.Index.RenderedHtml["MarkdownBodyPart"], StringComparison.Ordinal);
        Assert.Equal("<p onclick=\"steal()\">Call <b>us</b></p><script>track()</script>", context.Index.RenderedHtml["HtmlBodyPart"]);
        Assert.Equal("<p>Crisis line: <a href=\"javascript:alert(1)\">call</a></p>", context.Index.RenderedHtml["Article.Callout"]);
        Assert.Equal("<p>A <b>short</b> guide.</p>\n", context.Index.RenderedHtml["Article.Summary"]);
        Assert.DoesNotContain("track()", context.Index.SearchText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscapesRawHtmlInMarkdownUnderTheDefaultExtensionsEvenWithoutSanitizing()
    {
        var context = ArticleContent.Saving(
            """{ "ContentType": "Article", "MarkdownBodyPart": { "Markdown": "<script>track()</script>" } }""",
            markdownBodySettings: ArticleContent.SanitizeHtml("MarkdownBodyPartSettings", false));

        await Handler().SavingAsync(context, default);

        Assert.Equal("<p>&lt;script&gt;track()&lt;/script&gt;</p>\n", context.Index.RenderedHtml["MarkdownBodyPart"]);
    }

    [Theory]
    [InlineData("""{ "ContentType": "Article" }""")]
    [InlineData("""{ "ContentType": "Article", "MarkdownBodyPart": {}, "HtmlBodyPart": { "Html": null }, "Article": {} }""")]
    [InlineData("""{ "ContentType": "Article", "MarkdownBodyPart": { "Markdown": "" }, "Article": { "Summary": { "Markdown": "  \n " }, "Callout": { "Html": "" } } }""")]
    public async Task SkipsMissingAndEmptyBodiesWithoutErrors(string itemJson)
    {
        var context = ArticleContent.Saving(itemJson);

        await Handler().SavingAsync(context, default);

        Assert.Empty(context.Index.RenderedHtml);
        Assert.Equal("", context.Index.SearchText.ToString());
        Assert.Empty(context.Errors);
    }

    [Theory]
    [InlineData("""{ "MarkdownBodyPart": { "Markdown": 42 } }""", "MarkdownBodyPart.Markdown", "MarkdownBodyPart.Markdown must be a string of Markdown, not the number 42.")]
    [InlineData("""{ "HtmlBodyPart": { "Html": ["<p>x</p>"] } }""", "HtmlBodyPart.Html", "HtmlBodyPart.Html must be a string of HTML, not an array.")]
    [InlineData("""{ "Article": { "Summary": { "Markdown": true } } }""", "Article.Summary", "Article.Summary must be a string of Markdown, not the boolean true.")]
    [InlineData("""{ "Article": { "Callout": { "Html": { "Value": "x" } } } }""", "Article.Callout", "Article.Callout must be a string of HTML, not an object.")]
    [InlineData("""{ "Article": { "Summary": "A *short* guide." } }""", "Article.Summary", "Article.Summary must be an object like { \"Markdown\": \"...\" }, not a string.")]
    public async Task ReportsAValueThatIsNotTextAtItsPath(string itemJson, string path, string message)
    {
        var context = ArticleContent.Saving(itemJson);

        await Handler().SavingAsync(context, default);

        var error = Assert.Single(context.Errors);
        Assert.Equal(new ContentError(path, message), error);
        Assert.Empty(context.Index.RenderedHtml);
    }

    private static RichTextContentHandler Handler() => new(Renderers.Create(), new RichTextSanitizer());
}
