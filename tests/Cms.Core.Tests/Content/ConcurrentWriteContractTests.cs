using Cms.Content;
using Cms.Core.Tests.Support;
using Cms.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Cms.Core.Tests.Support.Recipes;

namespace Cms.Core.Tests.Content;

/// <summary>
/// Issue 11, item 1: writes of one item racing from separate connections, as two nodes on one database make them.
/// Whatever the interleaving, an item keeps one current and at most one published version, and every write that was
/// acknowledged is there; the writes that lost the race are told so, not failed. Each race runs several rounds, so an
/// unlucky interleaving has many chances to show.
/// </summary>
public abstract class ConcurrentWriteContractTests
{
    private const int Rounds = 8;
    private const int Writers = 4;

    private static readonly string[] s_sides = ["a", "b"];

    protected abstract DatabaseProvider Provider { get; }

    [SkippableFact]
    public async Task ParallelSavesOfOneItemLeaveOneCurrentVersionAndEveryAcknowledgedSave()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        // The item points at another, so every save also rewrites its reference rows.
        var tenant = await ArticlesAsync(services, Items(Article("a0", "Target"), Article("a1", "Shared", """, "Related": { "ContentItemIds": [ "a0" ] }""")));
        var definitions = await tenant.DefinitionsAsync();

        for (var round = 1; round <= Rounds; round++)
        {
            // Every writer opens the item on a connection of its own, as editors on different nodes would, then all save at once.
            var writers = new List<(TenantDbContext Db, ContentManager Content, ContentItem Opened)>();
            for (var i = 0; i < Writers; i++)
            {
                var db = tenant.OpenDb();
                var content = services.GetRequiredService<ContentServices>().Open(db, definitions, new HashSet<string>());
                writers.Add((db, content, (await content.GetAsync("a1", VersionOptions.Latest, default))!));
            }

            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var saves = writers.Select((w, i) => Task.Run(async () =>
            {
                await go.Task;
                w.Opened.Part("TitlePart")!["Title"] = $"Round {round} writer {i}";
                try
                {
                    // Half save a draft, half publish: both kinds of write race each other.
                    var result = i % 2 == 0
                        ? await w.Content.SaveDraftAsync(w.Opened, $"writer{i}", default)
                        : await w.Content.PublishAsync(w.Opened, $"writer{i}", default);
                    return (Title: $"Round {round} writer {i}", Result: result, Error: (Exception?)null);
                }
                catch (Exception e)
                {
                    return (Title: $"Round {round} writer {i}", Result: (ContentResult?)null, Error: e);
                }
            })).ToList();
            go.SetResult();
            var outcomes = await Task.WhenAll(saves);
            foreach (var writer in writers)
            {
                await writer.Db.DisposeAsync();
            }

            Assert.All(outcomes, o => Assert.True(o.Error is null, $"Round {round}: {o.Title} failed instead of being refused: {o.Error}"));
            var acknowledged = outcomes.Where(o => o.Result!.Succeeded).Select(o => o.Title).ToList();
            var refused = outcomes.Where(o => !o.Result!.Succeeded).ToList();
            var versions = await VersionsAsync(tenant, "a1");

            // All writers opened the same version: one save wins, the others are told someone else saved.
            Assert.True(acknowledged.Count == 1, $"Round {round}: {acknowledged.Count} saves acknowledged ({string.Join(", ", acknowledged)}) on the same opened version.");
            Assert.All(refused, o => Assert.True(o.Result!.Conflict && o.Result.Errors[0].Message.StartsWith("Someone else saved", StringComparison.Ordinal), $"Round {round}: {o.Title} was refused for another reason: {o.Result.Errors[0].Message}"));
            Assert.True(versions.Count(v => v.Latest) == 1, $"Round {round}: {versions.Count(v => v.Latest)} current versions.");
            Assert.True(versions.Count(v => v.Published) <= 1, $"Round {round}: {versions.Count(v => v.Published)} published versions.");
            Assert.Equal(acknowledged[0], versions.Single(v => v.Latest).DisplayText);
            Assert.Single(await ReferencesAsync(tenant, versions.Single(v => v.Latest).ContentItemVersionId));
        }
    }

    [SkippableFact]
    public async Task ParallelCreationsOfOneNewItemKeepEveryAcknowledgedVersion()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var tenant = await ArticlesAsync(services);
        var definitions = await tenant.DefinitionsAsync();

        for (var round = 1; round <= Rounds; round++)
        {
            // New items with one id (as a client that chooses its ids might send twice): nothing stored to build on.
            var id = $"created{round}";
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var saves = Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
            {
                await using var db = tenant.OpenDb();
                var content = services.GetRequiredService<ContentServices>().Open(db, definitions, new HashSet<string>());
                var item = ContentItem.Create("Article");
                item.ContentItemId = id;
                item.GetOrCreatePart("TitlePart")["Title"] = $"Round {round} writer {i}";
                item.Data["Article"] = System.Text.Json.Nodes.JsonNode.Parse("""{ "Subtitle": { "Text": "New" } }""");
                await go.Task;
                try
                {
                    return (Title: $"Round {round} writer {i}", Result: await content.PublishAsync(item, $"writer{i}", default), Error: (Exception?)null);
                }
                catch (Exception e)
                {
                    return (Title: $"Round {round} writer {i}", Result: (ContentResult?)null, Error: e);
                }
            })).ToList();
            go.SetResult();
            var outcomes = await Task.WhenAll(saves);

            // Each either built on another (kept in history) or was told; the schema's refusal is never an error.
            Assert.All(outcomes, o => Assert.True(o.Error is null, $"Round {round}: {o.Title} failed instead of being refused: {o.Error}"));
            Assert.All(outcomes.Where(o => !o.Result!.Succeeded), o => Assert.True(o.Result!.Conflict, $"Round {round}: {o.Title}: {string.Join(" ", o.Result.Errors)}"));
            var versions = await VersionsAsync(tenant, id);
            Assert.Single(versions, v => v.Latest);
            Assert.Single(versions, v => v.Published);
            Assert.Equal(
                outcomes.Where(o => o.Result!.Succeeded).Select(o => o.Title).Order(StringComparer.Ordinal),
                versions.Select(v => v.DisplayText!).Order(StringComparer.Ordinal));
        }
    }

    [SkippableFact]
    public async Task AStaleSaveIsRefusedAndTheNewerOneKept()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var tenant = await ArticlesAsync(services, Items(Article("a1", "Shared", published: false)));
        var definitions = await tenant.DefinitionsAsync();
        await using var firstDb = tenant.OpenDb();
        await using var secondDb = tenant.OpenDb();
        var first = services.GetRequiredService<ContentServices>().Open(firstDb, definitions, new HashSet<string>());
        var second = services.GetRequiredService<ContentServices>().Open(secondDb, definitions, new HashSet<string>());
        var firstOpened = (await first.GetAsync("a1", VersionOptions.Latest, default))!;
        var secondOpened = (await second.GetAsync("a1", VersionOptions.Latest, default))!;

        firstOpened.Part("TitlePart")!["Title"] = "First editor";
        Assert.True((await first.SaveDraftAsync(firstOpened, "first", default)).Succeeded);
        secondOpened.Part("TitlePart")!["Title"] = "Second editor";
        var stale = await second.PublishAsync(secondOpened, "second", default);

        Assert.True(stale.Conflict);
        Assert.Equal("Someone else saved this item after it was read (at 2026-11-25 12:00 UTC, by first). Nothing was saved: read it again and redo the change.", Assert.Single(stale.Errors).Message);
        var versions = await VersionsAsync(tenant, "a1");
        Assert.Equal("First editor", Assert.Single(versions, v => v.Latest).DisplayText);
        Assert.DoesNotContain(versions, v => v.Published);
        Assert.DoesNotContain(versions, v => v.DisplayText == "Second editor");
    }

    [SkippableFact]
    public async Task AScheduledPublishRacingASaveOfTheDraftNeverPublishesOverIt()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var tenant = await ArticlesAsync(services, Items(Article("a1", "Scheduled")));
        var definitions = await tenant.DefinitionsAsync();
        var scheduler = services.GetRequiredService<ScheduledPublishing>();

        for (var round = 1; round <= Rounds; round++)
        {
            // A draft waits for its time; an editor has it open.
            await using var db = tenant.OpenDb();
            var content = services.GetRequiredService<ContentServices>().Open(db, definitions, new HashSet<string>());
            var draft = (await content.GetAsync("a1", VersionOptions.Latest, default))!;
            draft.Part("TitlePart")!["Title"] = $"Round {round} scheduled";
            draft = (await content.SaveDraftAsync(draft, "author", default)).Item!;
            await scheduler.ScheduleAsync(tenant.Tenant.Name, "a1", storage.Time.GetUtcNow().AddMinutes(-1), "author", default);
            draft.Part("TitlePart")!["Title"] = $"Round {round} edited";

            // Its time comes while the editor saves it.
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var save = Task.Run(async () =>
            {
                await go.Task;
                return await content.SaveDraftAsync(draft, "editor", default);
            });
            var publish = Task.Run(async () =>
            {
                await go.Task;
                return await scheduler.PublishDueAsync(default);
            });
            go.SetResult();
            var saved = await save;
            Assert.Equal(1, await publish);

            // A save acknowledged before the publish read the draft, or in between, is what went live; one after it was refused.
            var versions = await VersionsAsync(tenant, "a1");
            var published = Assert.Single(versions, v => v.Published);
            Assert.True(saved.Succeeded || saved.Conflict, $"Round {round}: {string.Join(" ", saved.Errors)}");
            Assert.Equal(saved.Succeeded ? $"Round {round} edited" : $"Round {round} scheduled", published.DisplayText);
            Assert.Same(published, Assert.Single(versions, v => v.Latest));
        }
    }

    [SkippableFact]
    public async Task ParallelImportsOfOneItemApplyOneAfterTheOther()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var tenant = await ArticlesAsync(services, Items(Article("old", "Existing")));

        for (var round = 1; round <= Rounds; round++)
        {
            // Both recipes bring the same new item and a new version of an existing one, and each adds a type of its own.
            var recipes = s_sides.Select(side => Recipe(
                TypeDefinition($"Type{side}{round}"),
                Items(
                    Versioned($"new{round}", $"New {side} {round}", $"new{round}-{side}"),
                    Versioned("old", $"Existing {side} {round}", $"old-{side}{round}")))).ToList();

            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var imports = recipes.Select(recipe => Task.Run(async () =>
            {
                await go.Task;
                return await tenant.ImportTextAsync(recipe);
            })).ToList();
            go.SetResult();
            var results = await Task.WhenAll(imports);

            Assert.All(results, r => Assert.True(r.Succeeded, $"Round {round}: {string.Join("\n", r.Errors)}"));
            foreach (var id in new[] { $"new{round}", "old" })
            {
                var versions = await VersionsAsync(tenant, id);
                Assert.True(versions.Count(v => v.Latest) == 1, $"Round {round}: {id} has {versions.Count(v => v.Latest)} current versions.");
                Assert.True(versions.Count(v => v.Published) == 1, $"Round {round}: {id} has {versions.Count(v => v.Published)} published versions.");
            }

            var types = (await tenant.DefinitionsAsync()).ContentTypeDefinitionRecords.Select(t => t.Name).ToList();
            Assert.Contains($"Typea{round}", types);
            Assert.Contains($"Typeb{round}", types);
        }
    }

    [SkippableFact]
    public async Task TheSchemaRefusesASecondCurrentOrPublishedVersionOfAnItem()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var tenant = await ArticlesAsync(services, Items(Article("a1", "Shared")));
        var stored = Assert.Single(await tenant.ItemsAsync());

        foreach (var (latest, published) in new[] { (true, false), (false, true) })
        {
            await using var db = tenant.OpenDb();
            db.ContentItems.Add(new ContentItemRecord
            {
                TenantId = db.TenantId,
                ContentItemVersionId = $"a1-direct-{latest}",
                ContentItemId = "a1",
                ContentType = "Article",
                Latest = latest,
                Published = published,
                Json = stored.Json,
            });

            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.Single(await tenant.ItemsAsync());
    }

    private protected static async Task<RecipeTenant> ArticlesAsync(IServiceProvider services, params string[] steps)
    {
        var tenant = await RecipeTenant.CreateAsync(services, "articles");
        var result = await tenant.ImportTextAsync(Recipe([ArticleDefinition, .. steps]));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return tenant;
    }

    private static async Task<List<ContentItemRecord>> VersionsAsync(RecipeTenant tenant, string contentItemId)
    {
        await using var db = tenant.OpenDb();
        return await db.ContentItems.AsNoTracking().Where(c => c.ContentItemId == contentItemId).ToListAsync();
    }

    private static async Task<List<ContentReferenceRecord>> ReferencesAsync(RecipeTenant tenant, string contentItemVersionId)
    {
        await using var db = tenant.OpenDb();
        return await db.ContentReferences.AsNoTracking().Where(r => r.ContentItemVersionId == contentItemVersionId).ToListAsync();
    }

    private static string Versioned(string id, string title, string versionId) =>
        Article(id, title).Replace($"\"{id}-v1\"", $"\"{versionId}\"", StringComparison.Ordinal);

    private static string TypeDefinition(string name) => $$"""
        { "name": "ContentDefinition", "ContentTypes": [ { "Name": "{{name}}", "DisplayName": "{{name}}", "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" } ] } ], "ContentParts": [] }
        """;
}

public sealed class SqliteConcurrentWriteTests : ConcurrentWriteContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresConcurrentWriteTests : ConcurrentWriteContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
