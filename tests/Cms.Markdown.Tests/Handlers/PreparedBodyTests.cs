using System.Text.Json.Nodes;
using Cms.Content.Handlers;
using Cms.Markdown.Handlers;
using Cms.Markdown.Services;
using Cms.Markdown.Tests.Support;

namespace Cms.Markdown.Tests.Handlers;

/// <summary>
/// An import renders an item's Markdown body ahead, on another thread, while it stores the item before: the save must
/// store what it would have rendered itself, and never the sanitized body where the type keeps the HTML as written.
/// </summary>
public sealed class PreparedBodyTests
{
    private const string Article = """
        {
          "ContentItemId": "preparedbodyarticle00001",
          "ContentType": "Article",
          "TitlePart": { "Title": "Worry" },
          "MarkdownBodyPart": { "Markdown": "# Worry\n\nBreathe <b onclick=\"go()\">slowly</b>, see [the guide](/guide)." }
        }
        """;

    [Fact]
    public async Task ASavedBodyPreparedAheadIsTheBodyTheSaveRendersItself()
    {
        var prepared = ArticleContent.Saving(Article);
        var handler = Handler();
        await Task.Run(handler.Prepare(prepared.Type, JsonNode.Parse(Article)!.AsObject())!);
        var unprepared = ArticleContent.Saving(Article);

        await handler.SavingAsync(prepared, default);
        await Handler().SavingAsync(unprepared, default);

        Assert.Equal(unprepared.Index.RenderedHtml["MarkdownBodyPart"], prepared.Index.RenderedHtml["MarkdownBodyPart"]);
        Assert.Equal(unprepared.Index.SearchText.ToString(), prepared.Index.SearchText.ToString());
        Assert.DoesNotContain("<b onclick", prepared.Index.RenderedHtml["MarkdownBodyPart"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyPreparedAheadIsNotTakenWhereTheTypeDoesNotSanitize()
    {
        var context = ArticleContent.Saving(Article, markdownBodySettings: ArticleContent.SanitizeHtml("MarkdownBodyPartSettings", false));
        var handler = Handler();
        await Task.Run(handler.Prepare(context.Type, JsonNode.Parse(Article)!.AsObject())!);

        await handler.SavingAsync(context, default);

        Assert.Contains("<b onclick=\"go()\">slowly</b>", context.Index.RenderedHtml["MarkdownBodyPart"], StringComparison.Ordinal);
    }

    // Without nohtml, so the body's HTML reaches the sanitizer (or, where the type says so, the page).
    private static RichTextContentHandler Handler() => new(Renderers.Create("advanced"), new RichTextSanitizer());
}
