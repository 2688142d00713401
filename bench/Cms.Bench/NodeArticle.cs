using System.Text.Json.Nodes;

namespace Cms.Bench;

/// <summary>
/// An article of the bench's own in the demo practice, by its sample counselor, imported through the recipe API: one
/// content step in Orchard's shape, published, whose title each publish changes.
/// </summary>
internal sealed record NodeArticle(string ContentItemId, string Route)
{
    /// <summary>The public page's path under the host: <c>riverbend/articles/…</c>.</summary>
    public string PagePath => PagesBenchmark.DemoTenant + "/" + Route;

    public string Recipe(string title) => new JsonObject
    {
        ["name"] = "nodes-bench-article",
        ["steps"] = new JsonArray(new JsonObject
        {
            ["name"] = "content",
            ["data"] = new JsonArray(new JsonObject
            {
                [nameof(ContentItemId)] = ContentItemId,
                ["ContentType"] = "Article",
                ["DisplayText"] = title,
                ["Latest"] = true,
                ["Published"] = true,
                ["TitlePart"] = new JsonObject { ["Title"] = title },
                ["AutoroutePart"] = new JsonObject { ["Path"] = Route },
                ["MarkdownBodyPart"] = new JsonObject { ["Markdown"] = "## Two nodes\n\nAn article the nodes benchmark publishes again and again." },
                ["Article"] = new JsonObject
                {
                    ["Authors"] = new JsonObject { ["ContentItemIds"] = new JsonArray(AdminBenchmark.AuthorId) },
                    ["Topics"] = new JsonObject { ["Values"] = new JsonArray("Anxiety") },
                    ["SensitiveTopic"] = new JsonObject { ["Value"] = false },
                },
            }),
        }),
    }.ToJsonString();
}
