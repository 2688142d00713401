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
        var work = new PreparedWork();
        var prepared = ArticleContent.Saving(Article, prepared: work);
        var handler = Handler();
        await Task.Run(handler.Prepare(prepared.Type, JsonNode.Parse(Article)!.AsObject(), work)!);
        var unprepared = ArticleContent.Saving(Article);

        await handler.SavingAsync(prepared, default);
        await Handler().SavingAsync(unprepared, default);

        Assert.Equal(unprepared.Index.RenderedHtml["MarkdownBodyPart"], prepared.Index.RenderedHtml["MarkdownBodyPart"]);
        Assert.Equal(unprepared.Index.SearchText.ToString(), prepared.Index.SearchText.ToString());
        Assert.DoesNotContain("<b onclick", prepared.Index.RenderedHtml["MarkdownBodyPart"], StringComparison.Ordinal);
        Assert.Null(work.Take<object>("MarkdownBodyPart:" + JsonNode.Parse(Article)!["MarkdownBodyPart"]!["Markdown"]!.GetValue<string>()));
    }

    [Fact]
    public async Task NothingIsRenderedAheadWhereTheTypeDoesNotSanitizeAndNothingRenderedAheadIsTakenThere()
    {
        var work = new PreparedWork();
        var unsanitized = ArticleContent.SanitizeHtml("MarkdownBodyPartSettings", false);
        var handler = Handler();
        Assert.Null(handler.Prepare(ArticleContent.Saving(Article, markdownBodySettings: unsanitized).Type, JsonNode.Parse(Article)!.AsObject(), work));

        // The same Markdown rendered ahead for a type that sanitizes, then saved where the type does not.
        await Task.Run(handler.Prepare(ArticleContent.Saving(Article).Type, JsonNode.Parse(Article)!.AsObject(), work)!);
        var context = ArticleContent.Saving(Article, markdownBodySettings: unsanitized, prepared: work);
        await handler.SavingAsync(context, default);

        Assert.Contains("<b onclick=\"go()\">slowly</b>", context.Index.RenderedHtml["MarkdownBodyPart"], StringComparison.Ordinal);
    }

    // Without nohtml, so the body's HTML reaches the sanitizer (or, where the type says so, the page).
    private static RichTextContentHandler Handler() => new(Renderers.Create("advanced"), new RichTextSanitizer());
}
