using System.Text.Json;
using Cms.Content;
using Cms.Core.Tests.Support;
using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cms.Core.Tests.Support.Recipes;

namespace Cms.Core.Tests.Content;

/// <summary>Content, versions, parts and fields: the same tests on SQLite always and PostgreSQL when configured.</summary>
public abstract class ContentContractTests
{
    protected abstract DatabaseProvider Provider { get; }

    [SkippableFact]
    public async Task KeepsADraftBesidePublishedUntilItIsPublished()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var tenant = await ArticlesAsync(services, Items(Article("a1", "Finding a therapist")));
        await using var db = tenant.OpenDb();
        var content = services.GetRequiredService<ContentServices>().Open(db, await tenant.DefinitionsAsync(), new HashSet<string>());

        var published = (await content.GetAsync("a1", VersionOptions.Published, default))!;
        published.Part("TitlePart")!["Title"] = "Finding a therapist, revised";
        var draft = await content.SaveDraftAsync(published, "editor", default);
        var publicAfterDraft = await content.GetAsync("a1", VersionOptions.Published, default);
        var latest = await content.GetAsync("a1", VersionOptions.Latest, default);

        Assert.True(draft.Succeeded, string.Join(" ", draft.Errors));
        Assert.Equal("Finding a therapist", publicAfterDraft!.DisplayText);
        Assert.Equal("Finding a therapist, revised", latest!.DisplayText);
        Assert.False(latest.Published);
        Assert.NotEqual(publicAfterDraft.ContentItemVersionId, latest.ContentItemVersionId);

        Assert.True((await content.PublishAsync(latest, "editor", default)).Succeeded);
        Assert.Equal("Finding a therapist, revised", (await content.GetAsync("a1", VersionOptions.Published, default))!.DisplayText);
        Assert.Null(await content.GetAsync("a1", VersionOptions.Draft, default));
        var versions = await content.VersionsAsync("a1", default);
        Assert.Equal(2, versions.Count);
        Assert.Single(versions, v => v.Published);
        Assert.Single(versions, v => v.Latest);
    }

    [SkippableFact]
    public async Task UnpublishesDiscardsDraftsAndDeletes()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var tenant = await ArticlesAsync(services, Items(Article("a1", "One"), Article("a2", "Two")));
        await using var db = tenant.OpenDb();
        var content = services.GetRequiredService<ContentServices>().Open(db, await tenant.DefinitionsAsync(), new HashSet<string>());
        var two = (await content.GetAsync("a2", VersionOptions.Latest, default))!;
        two.Part("TitlePart")!["Title"] = "Two, draft";
        var draft = (await content.SaveDraftAsync(two, null, default)).Item!;

        Assert.True(await content.DiscardDraftAsync(draft, default) is { Succeeded: true, Skipped: false });
        Assert.Equal("Two", (await content.GetAsync("a2", VersionOptions.Latest, default))!.DisplayText);
        Assert.True(await content.UnpublishAsync((await content.GetAsync("a1", VersionOptions.Latest, default))!, default) is { Succeeded: true, Skipped: false });
        Assert.Null(await content.GetAsync("a1", VersionOptions.Published, default));
        Assert.NotNull(await content.GetAsync("a1", VersionOptions.Latest, default));
        Assert.True(await content.DeleteAsync("a2", default));
        Assert.Null(await content.GetAsync("a2", VersionOptions.Latest, default));
        Assert.NotEmpty(await content.VersionsAsync("a2", default));
    }

    [SkippableFact]
    public async Task DerivesTitleRouteHtmlContainerAndReferencesOnSave()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var series = """{ "ContentItemId": "s1", "ContentItemVersionId": "s1-v1", "ContentType": "Series", "Latest": true, "Published": true, "TitlePart": { "Title": "What to know" }, "ListPart": {} }""";
        var part2 = Article("a2", "Part two").Replace("\"TitlePart\"", "\"ContainedPart\": { \"ListContentItemId\": \"s1\", \"Order\": 2 }, \"TitlePart\"", StringComparison.Ordinal);
        var tenant = await ArticlesAsync(services, Items(series, Article("a1", "Part one", """, "Related": { "ContentItemIds": [ "s1" ] }"""), part2));
        await using var db = tenant.OpenDb();
        var content = services.GetRequiredService<ContentServices>().Open(db, await tenant.DefinitionsAsync(), new HashSet<string>());

        var item = ContentItem.Create("Article");
        item.GetOrCreatePart("TitlePart")["Title"] = "Part one";
        item.GetOrCreatePart("Article")["Subtitle"] = new System.Text.Json.Nodes.JsonObject { ["Text"] = "Again" };
        var saved = await content.PublishAsync(item, "admin", default);

        var rows = await db.ContentItems.AsNoTracking().Where(c => c.Published).ToDictionaryAsync(c => c.ContentItemId);
        Assert.Equal("articles/part-one", rows["a1"].RoutePath);
        Assert.Equal("articles/part-one-2", rows[saved.Item!.ContentItemId].RoutePath);
        Assert.Equal("Part one", saved.Item.DisplayText);
        Assert.Equal(("s1", 2), (rows["a2"].ContainerId, rows["a2"].ContainerOrder));
        var html = JsonSerializer.Deserialize<Dictionary<string, string>>(rows["a1"].RenderedJson!)!;
        Assert.Contains("<h2", html["MarkdownBodyPart"], StringComparison.Ordinal);
        Assert.Contains("<em>text</em>", html["MarkdownBodyPart"], StringComparison.Ordinal);
        Assert.Contains("About Part one", rows["a1"].SearchText, StringComparison.Ordinal);
        var pointing = await db.ContentReferences.Where(r => r.TargetId == "s1").Select(r => r.Path).ToListAsync();
        Assert.Equal(["Article.Related"], pointing);
    }

    [SkippableFact]
    public async Task RefusesFieldValuesTheirSettingsForbid()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var tenant = await ArticlesAsync(services);
        await using var db = tenant.OpenDb();
        var content = services.GetRequiredService<ContentServices>().Open(db, await tenant.DefinitionsAsync(), new HashSet<string>());
        var item = ContentItem.Create("Article");
        item.Data["Article"] = System.Text.Json.Nodes.JsonNode.Parse("""
            { "Part": { "Value": 42 }, "Booking": { "Url": "javascript:alert(1)" }, "Sensitive": { "Value": "yes" },
              "Related": { "ContentItemIds": [ "nowhere" ] }, "Updated": { "Value": "last tuesday" } }
            """);

        var result = await content.PublishAsync(item, null, default);

        Assert.False(result.Succeeded);
        var paths = result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["Article.Booking", "Article.Part", "Article.Related", "Article.Sensitive", "Article.Subtitle", "Article.Updated", "TitlePart.Title"], paths);
        Assert.Contains(result.Errors, e => e.Message == "Subtitle is required.");
        Assert.Empty(await db.ContentItems.ToListAsync());
    }

    [SkippableFact]
    public async Task KeepsPartsItDoesNotKnowExactlyAsTheyCame()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var unknown = """, "Rating": { "Stars": 4, "Tags": [ "a", { "b": null } ] }""";
        var item = Article("a1", "Odd", "").TrimEnd().TrimEnd('}') + unknown + "}";
        var tenant = await ArticlesAsync(services, Items(item));

        var stored = Assert.Single(await tenant.ItemsAsync());

        Assert.Equal("""{"Stars":4,"Tags":["a",{"b":null}]}""", System.Text.Json.Nodes.JsonNode.Parse(stored.Json)!["Rating"]!.ToJsonString());
    }

    [SkippableFact]
    public async Task FindsItemsByWordsInTheirTitleAndText()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var tenant = await ArticlesAsync(services, Items(Article("a1", "Grief after loss"), Article("a2", "Sleep and anxiety"), Article("a3", "Anxiety at work")));
        await using var db = tenant.OpenDb();
        var content = services.GetRequiredService<ContentServices>().Open(db, await tenant.DefinitionsAsync(), new HashSet<string>());
        var a3 = (await content.GetAsync("a3", VersionOptions.Latest, default))!;
        a3.Part("TitlePart")!["Title"] = "Stress at work";
        a3.Part("MarkdownBodyPart")!["Markdown"] = "Notes about work, with a [link](https://example.org).";
        a3.Data["Article"] = System.Text.Json.Nodes.JsonNode.Parse("""{ "Subtitle": { "Text": "Burnout" } }""");
        await content.PublishAsync(a3, null, default);

        var anxiety = await content.SearchAsync("ANXIETY", 10, default);
        var both = await content.SearchAsync("sleep anxiety!", 10, default);
        var body = await content.SearchAsync("link", 10, default);

        Assert.Equal(["a2"], anxiety.Select(i => i.ContentItemId));
        Assert.Equal(["a2"], both.Select(i => i.ContentItemId));
        Assert.Equal(3, body.Count);
        Assert.Empty(await content.SearchAsync("\"* OR", 10, default));
        Assert.Equal(["a3"], (await content.SearchAsync("burnout", 10, default)).Select(i => i.ContentItemId));
    }

    [SkippableFact]
    public async Task ADraftSavedAgainIsFoundByItsNewWordsOnly()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var tenant = await ArticlesAsync(services, Items(Article("a1", "Grief after loss")));
        await using var db = tenant.OpenDb();
        var content = services.GetRequiredService<ContentServices>().Open(db, await tenant.DefinitionsAsync(), new HashSet<string>());
        var draft = (await content.GetAsync("a1", VersionOptions.Latest, default))!;
        draft.Part("TitlePart")!["Title"] = "Quiet mornings";
        draft = (await content.SaveDraftAsync(draft, null, default)).Item!;

        // The same draft version saved again: its index entry is replaced, not added to.
        draft.Part("TitlePart")!["Title"] = "Calm evenings";
        await content.SaveDraftAsync(draft, null, default);

        Assert.Empty(await content.SearchAsync("mornings", 10, default));
        Assert.Equal(["a1"], (await content.SearchAsync("evenings", 10, default)).Select(i => i.ContentItemId));
        Assert.Equal(["a1"], (await content.SearchAsync("grief", 10, default)).Select(i => i.ContentItemId));
    }

    [SkippableFact]
    public async Task ASearchReadsTheSamePageWhicheverWayItGoesThroughTheIndex()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        // 240 articles with a common word and 10 without it, each changed at its own time, one in seven a draft.
        var articles = Enumerable.Range(0, 250).Select(i =>
            Article($"a{i:000}", i < 240 ? $"Therapy note {i}" : $"Grief note {i}", published: i % 7 != 0)
                .Replace("\"Latest\": true", $"\"ModifiedUtc\": \"2026-01-01T{i / 60:00}:{i % 60:00}:00Z\", \"Latest\": true", StringComparison.Ordinal));
        var tenant = await ArticlesAsync(services, Items([.. articles]));
        await using var db = tenant.OpenDb();
        var content = services.GetRequiredService<ContentServices>().Open(db, await tenant.DefinitionsAsync(), new HashSet<string>());
        var common = (await content.MatchAsync("therapy", default))!;
        var rare = (await content.MatchAsync("grief", default))!;

        foreach (var (matches, skip, take) in new[] { (common, 0, 5), (common, 5, 5), (common, 0, 25), (common, 230, 25), (rare, 0, 5) })
        {
            var walked = await PageAsync(matches.NewestFirst(skip + take), skip, take);
            var read = await PageAsync(matches.Versions.Where(c => c.Latest), skip, take);
            Assert.Equal(read, walked);
            Assert.Equal(Math.Min(take, (matches == common ? 240 : 10) - skip), walked.Count);
        }

        var drafts = await common.NewestFirst(5).Where(c => !c.Published).OrderByDescending(c => c.ModifiedUtc).Take(3).Select(c => c.ContentItemId).ToListAsync();
        Assert.Equal(["a238", "a231", "a224"], drafts);
        if (Provider == DatabaseProvider.Sqlite)
        {
            // Most versions match and few rows are read: the newest current versions are walked and asked about.
            Assert.Contains("INDEXED BY", common.NewestFirst(5).ToQueryString(), StringComparison.Ordinal);
            Assert.DoesNotContain("INDEXED BY", common.NewestFirst(250).ToQueryString(), StringComparison.Ordinal);
            Assert.DoesNotContain("INDEXED BY", rare.NewestFirst(5).ToQueryString(), StringComparison.Ordinal);
        }

        static async Task<List<string>> PageAsync(IQueryable<ContentItemRecord> query, int skip, int take) =>
            await query.OrderByDescending(c => c.ModifiedUtc).Skip(skip).Take(take).Select(c => c.ContentItemId).ToListAsync();
    }

    private protected static async Task<RecipeTenant> ArticlesAsync(IServiceProvider services, params string[] steps)
    {
        var tenant = await RecipeTenant.CreateAsync(services, "articles");
        var result = await tenant.ImportTextAsync(Recipe([ArticleDefinition, .. steps]));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return tenant;
    }
}

public sealed class SqliteContentTests : ContentContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresContentTests : ContentContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
