using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Content;

namespace Cms.Bench;

/// <summary>
/// A recipe as a practice moving its blog over would bring: a ContentDefinition step with the Counselor and
/// Article types, then one content step with a few counselors and the articles, each picking its authors among
/// them. Written item by item with Utf8JsonWriter, indented as Orchard writes recipes, so 100,000 articles never
/// sit in memory.
/// </summary>
internal static class ArticleRecipe
{
    public const int Counselors = 5;

    /// <summary>In a practice's recipe, the article of an index is a draft when index % DraftEvery == DraftEvery - 1.</summary>
    public const int DraftEvery = 50;

    private static readonly JsonWriterOptions s_writer = new() { Indented = true };
    private static readonly DateTime s_firstPost = new(2015, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static readonly string[] s_counselors =
    [
        "Dana Whitfield, LMHC", "Marcus Oyelaran, LCSW", "Ingrid Solberg, PhD", "Rafael Medina, LMFT", "Priya Raman, LMHC",
    ];

    // Orchard's standard parts and fields only, so the file is a valid Orchard Core recipe too.
    private const string Definitions = """
        {
          "name": "ContentDefinition",
          "ContentTypes": [
            {
              "Name": "Counselor",
              "DisplayName": "Counselor",
              "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true, "Draftable": true, "Versionable": true, "Securable": true } },
              "ContentTypePartDefinitionRecords": [
                { "PartName": "TitlePart", "Name": "TitlePart", "Settings": { "ContentTypePartSettings": { "Position": "0" } } },
                { "PartName": "AutoroutePart", "Name": "AutoroutePart", "Settings": { "ContentTypePartSettings": { "Position": "1" }, "AutoroutePartSettings": { "AllowCustomPath": true, "Pattern": "counselors/{{ ContentItem | display_text | slugify }}" } } },
                { "PartName": "Counselor", "Name": "Counselor", "Settings": { "ContentTypePartSettings": { "Position": "2" } } }
              ]
            },
            {
              "Name": "Article",
              "DisplayName": "Article",
              "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true, "Draftable": true, "Versionable": true, "Securable": true } },
              "ContentTypePartDefinitionRecords": [
                { "PartName": "TitlePart", "Name": "TitlePart", "Settings": { "ContentTypePartSettings": { "Position": "0" }, "TitlePartSettings": { "Options": "EditableRequired", "RenderTitle": true } } },
                { "PartName": "AutoroutePart", "Name": "AutoroutePart", "Settings": { "ContentTypePartSettings": { "Position": "1" }, "AutoroutePartSettings": { "AllowCustomPath": true, "Pattern": "articles/{{ ContentItem | display_text | slugify }}" } } },
                { "PartName": "MarkdownBodyPart", "Name": "MarkdownBodyPart", "Settings": { "ContentTypePartSettings": { "Position": "2", "Editor": "Wysiwyg" }, "MarkdownBodyPartSettings": { "SanitizeHtml": true } } },
                { "PartName": "Article", "Name": "Article", "Settings": { "ContentTypePartSettings": { "Position": "3" } } }
              ]
            }
          ],
          "ContentParts": [
            {
              "Name": "Counselor",
              "Settings": { "ContentPartSettings": { "Attachable": false } },
              "ContentPartFieldDefinitionRecords": [
                { "FieldName": "TextField", "Name": "Credentials", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Credentials", "Position": "0" } } },
                { "FieldName": "BooleanField", "Name": "AcceptingNewClients", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Accepting new clients", "Position": "1" } } }
              ]
            },
            {
              "Name": "Article",
              "Settings": { "ContentPartSettings": { "Attachable": false } },
              "ContentPartFieldDefinitionRecords": [
                { "FieldName": "TextField", "Name": "Subtitle", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Subtitle", "Position": "0" }, "TextFieldSettings": { "Required": false } } },
                { "FieldName": "BooleanField", "Name": "Sensitive", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Sensitive topic", "Position": "1" } } },
                { "FieldName": "DateTimeField", "Name": "Updated", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Updated", "Position": "2" } } },
                { "FieldName": "ContentPickerField", "Name": "Authors", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Authors", "Position": "3" }, "ContentPickerFieldSettings": { "Required": true, "Multiple": true, "DisplayedContentTypes": [ "Counselor" ] } } }
              ]
            }
          ]
        }
        """;

    /// <summary>Writes the recipe with <paramref name="articles"/> articles; returns its size and the articles' mean Markdown length.</summary>
    public static Task<GeneratedRecipe> WriteAsync(string path, int articles, CancellationToken cancellationToken) =>
        WriteAsync(
            path,
            articles,
            "Articles and counselors",
            string.Create(CultureInfo.InvariantCulture, $"{articles:N0} articles by {Counselors} counselors, for the recipes benchmark."),
            withDefinitions: true,
            writer =>
            {
                for (var i = 0; i < Counselors; i++)
                {
                    WriteCounselor(writer, i);
                }

                return Counselors;
            },
            WriteArticle,
            cancellationToken);

    /// <summary>
    /// For a practice the <c>practice</c> setup recipe made (the demo practice): no definitions, only a content step of
    /// articles shaped as that recipe's Article type (excerpt, authors, topics, SEO part), each by a counselor the
    /// practice already has. One article in <see cref="DraftEvery"/> is a draft that was never published.
    /// </summary>
    public static Task<GeneratedRecipe> WriteForPracticeAsync(string path, int articles, string authorId, CancellationToken cancellationToken) =>
        WriteAsync(
            path,
            articles,
            "Articles",
            string.Create(CultureInfo.InvariantCulture, $"{articles:N0} articles for a practice, for the admin benchmark."),
            withDefinitions: false,
            _ => 0,
            (writer, index) => WritePracticeArticle(writer, index, authorId),
            cancellationToken);

    /// <summary>The id of the article of this index, in either recipe.</summary>
    public static string ArticleId(int index) => ContentIds.Stable($"bench:article:{index}");

    private static async Task<GeneratedRecipe> WriteAsync(
        string path,
        int articles,
        string displayName,
        string description,
        bool withDefinitions,
        Func<Utf8JsonWriter, int> otherItems,
        Func<Utf8JsonWriter, int, int> article,
        CancellationToken cancellationToken)
    {
        long markdownBytes = 0;
        int others;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
        await using (var writer = new Utf8JsonWriter(file, s_writer))
        {
            writer.WriteStartObject();
            writer.WriteString("name", "articles");
            writer.WriteString("displayName", displayName);
            writer.WriteString("description", description);
            writer.WriteString("author", "Cms.Bench");
            writer.WriteString("website", "");
            writer.WriteString("version", "1.0.0");
            writer.WriteBoolean("issetuprecipe", false);
            writer.WriteStartArray("categories");
            writer.WriteEndArray();
            writer.WriteStartArray("tags");
            writer.WriteEndArray();
            writer.WriteStartArray("steps");
            if (withDefinitions)
            {
                JsonNode.Parse(Definitions)!.WriteTo(writer);
            }

            writer.WriteStartObject();
            writer.WriteString("name", "content");
            writer.WriteStartArray("data");
            others = otherItems(writer);
            for (var i = 0; i < articles; i++)
            {
                markdownBytes += article(writer, i);
                if (writer.BytesPending > 64 * 1024)
                {
                    await writer.FlushAsync(cancellationToken);
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken);
        }

        return new GeneratedRecipe(path, articles, articles + others, new FileInfo(path).Length, articles == 0 ? 0 : markdownBytes / (double)articles);
    }

    private static string CounselorId(int index) => ContentIds.Stable($"bench:counselor:{index}");

    private static void WriteCounselor(Utf8JsonWriter writer, int index)
    {
        var name = s_counselors[index];
        var created = s_firstPost.AddDays(-30 + index);
        WriteEnvelope(writer, "Counselor", CounselorId(index), ContentIds.Stable($"bench:counselor-version:{index}"), name, created, created);
        writer.WriteStartObject("TitlePart");
        writer.WriteString("Title", name);
        writer.WriteEndObject();
        writer.WriteStartObject("AutoroutePart");
        writer.WriteString("Path", "counselors/" + Slug(name));
        writer.WriteEndObject();
        writer.WriteStartObject("Counselor");
        writer.WriteStartObject("Credentials");
        writer.WriteString("Text", name[(name.IndexOf(',', StringComparison.Ordinal) + 2)..]);
        writer.WriteEndObject();
        writer.WriteStartObject("AcceptingNewClients");
        writer.WriteBoolean("Value", index % 2 == 0);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <returns>The length of the article's Markdown in UTF-8 bytes.</returns>
    private static int WriteArticle(Utf8JsonWriter writer, int index)
    {
        var title = Title(index);
        var created = s_firstPost.AddMinutes(index * 43L);
        var updated = created.AddDays(index % 90);
        var markdown = ArticleMarkdown.Write(index, updated);

        WriteArticleStart(writer, index, title, markdown, created, updated, published: true);

        writer.WriteStartObject("Article");
        writer.WriteStartObject("Subtitle");
        writer.WriteString("Text", "A short guide from the counselors of the practice");
        writer.WriteEndObject();
        writer.WriteStartObject("Sensitive");
        writer.WriteBoolean("Value", index % 5 == 0);
        writer.WriteEndObject();
        writer.WriteStartObject("Updated");
        writer.WriteString("Value", updated);
        writer.WriteEndObject();
        writer.WriteStartObject("Authors");
        writer.WriteStartArray("ContentItemIds");
        writer.WriteStringValue(CounselorId(index % Counselors));
        if (index % 7 == 0)
        {
            // Some articles have a second author.
            writer.WriteStringValue(CounselorId((index + 1) % Counselors));
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        return System.Text.Encoding.UTF8.GetByteCount(markdown);
    }

    // What both article shapes share: the envelope, the title, the route and the Markdown body.
    private static void WriteArticleStart(Utf8JsonWriter writer, int index, string title, string markdown, DateTime created, DateTime updated, bool published)
    {
        WriteEnvelope(writer, "Article", ArticleId(index), ContentIds.Stable($"bench:article-version:{index}"), title, created, updated, published: published);
        writer.WriteStartObject("TitlePart");
        writer.WriteString("Title", title);
        writer.WriteEndObject();
        writer.WriteStartObject("AutoroutePart");
        writer.WriteString("Path", Route(title, index));
        writer.WriteEndObject();
        writer.WriteStartObject("MarkdownBodyPart");
        writer.WriteString("Markdown", markdown);
        writer.WriteEndObject();
    }

    /// <returns>The length of the article's Markdown in UTF-8 bytes.</returns>
    private static int WritePracticeArticle(Utf8JsonWriter writer, int index, string authorId)
    {
        var title = Title(index);
        var created = s_firstPost.AddMinutes(index * 43L);
        var updated = created.AddDays(index % 90);
        var markdown = ArticleMarkdown.Write(index, updated);
        var draft = index % DraftEvery == DraftEvery - 1;

        WriteArticleStart(writer, index, title, markdown, created, updated, published: !draft);

        writer.WriteStartObject("Article");
        writer.WriteStartObject("Excerpt");
        writer.WriteString("Text", "A short guide from the counselors of the practice");
        writer.WriteEndObject();
        writer.WriteStartObject("FeatureImage");
        writer.WriteStartArray("Paths");
        writer.WriteEndArray();
        writer.WriteStartArray("MediaTexts");
        writer.WriteEndArray();
        writer.WriteEndObject();
        WritePicked(writer, "Authors", authorId);
        WritePicked(writer, "Reviewer", null);
        WritePicked(writer, "Series", null);
        writer.WriteStartObject("Part");
        writer.WriteNull("Value");
        writer.WriteEndObject();
        writer.WriteStartObject("Topics");
        writer.WriteStartArray("Values");
        writer.WriteStringValue(ArticleMarkdown.PracticeTopic(index));
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStartObject("Updated");
        writer.WriteString("Value", updated);
        writer.WriteEndObject();
        writer.WriteStartObject("SensitiveTopic");
        writer.WriteBoolean("Value", false);
        writer.WriteEndObject();
        writer.WriteStartObject("AllowComments");
        writer.WriteBoolean("Value", false);
        writer.WriteEndObject();
        writer.WriteEndObject();

        writer.WriteStartObject("SeoMetaPart");
        writer.WriteString("PageTitle", "");
        writer.WriteString("MetaDescription", "");
        writer.WriteEndObject();
        writer.WriteEndObject();
        return System.Text.Encoding.UTF8.GetByteCount(markdown);
    }

    private static void WritePicked(Utf8JsonWriter writer, string field, string? id)
    {
        writer.WriteStartObject(field);
        writer.WriteStartArray("ContentItemIds");
        if (id is not null)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string Title(int index) =>
        string.Create(CultureInfo.InvariantCulture, $"What You Should Know About Therapy, Part {(index % 4) + 1}: {ArticleMarkdown.TopicTitle(index)}");

    // Unique by its number, as an editor's "-2" would make it.
    private static string Route(string title, int index) => string.Create(CultureInfo.InvariantCulture, $"articles/{Slug(title)}-{index + 1}");

    // Leaves the item's object open for its parts.
    private static void WriteEnvelope(Utf8JsonWriter writer, string type, string id, string versionId, string displayText, DateTime created, DateTime modified, bool published = true)
    {
        writer.WriteStartObject();
        writer.WriteString("ContentItemId", id);
        writer.WriteString("ContentItemVersionId", versionId);
        writer.WriteString("ContentType", type);
        writer.WriteString("DisplayText", displayText);
        writer.WriteBoolean("Latest", true);
        writer.WriteBoolean("Published", published);
        writer.WriteString("ModifiedUtc", modified);
        if (published)
        {
            writer.WriteString("PublishedUtc", created.AddHours(1));
        }
        else
        {
            writer.WriteNull("PublishedUtc");
        }

        writer.WriteString("CreatedUtc", created);
        writer.WriteString("Owner", "admin");
        writer.WriteString("Author", "admin");
    }

    private static string Slug(string text)
    {
        var slug = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }
}
