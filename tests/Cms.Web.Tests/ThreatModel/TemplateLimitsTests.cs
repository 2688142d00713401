using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using Cms.Data;
using Cms.Recipes;
using Cms.Recipes.Execution;
using Cms.Recipes.Steps;
using Cms.Tenancy;
using Cms.Web.Tests.Admin;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cms.Web.Tests.ThreatModel;

/// <summary>Issue 10, item 2: Liquid renders within step, list, output, recursion and time limits; an override over them is refused on save and falls back live.</summary>
[Trait("Suite", "ThreatModel")]
public sealed class TemplateLimitsTests : IClassFixture<CmsFactory>
{
    // A hundred million iterations: took the shared process to 5 GB and about 60 s before the limits.
    private const string Loop = "<h1 id=\"override\">Lost</h1>{% for i in (1..100000000) %}{% endfor %}";

    // Small lists, a hundred million steps.
    private const string NestedLoop = "<h1 id=\"override\">Lost</h1>{% for i in (1..10000) %}{% for j in (1..10000) %}{% endfor %}{% endfor %}";

    // A million steps: over the limit, yet quick enough without limits for the tests to see today's behaviour fail.
    private const string MillionSteps = "<h1 id=\"override\">Ours</h1>{% for i in (1..100) %}{% for j in (1..100) %}{% for k in (1..100) %}{% endfor %}{% endfor %}{% endfor %}";

    private const string Password = "limits-admin-password";

    private readonly CmsFactory _factory;
    private readonly CapturedLog _log;

    public TemplateLimitsTests(CmsFactory factory)
    {
        _factory = factory;
        _log = CapturedLog.AttachTo(factory.Services);
    }

    [Theory]
    [InlineData("limits-loop", Loop, "more than 10,000 items")]
    [InlineData("limits-nested", NestedLoop, "more than 100,000 steps")]
    public async Task ALoopSavedInTheAdminIsRefusedNamingTheLimitAndNothingIsStored(string practice, string template, string limit)
    {
        var admin = await NewPracticeAsync(practice);

        var response = await AdminSite.PostFormAsync(admin, $"/{practice}/admin/templates/not-found", [new("Source", template), new("PreviewPath", "/")], "Save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), $"/{practice}/admin/templates/not-found");
        var error = page.QuerySelector(".error-summary .error")!.TextContent;
        Assert.StartsWith("Not saved:", error, StringComparison.Ordinal);
        Assert.Contains(limit, error, StringComparison.Ordinal);
        Assert.Contains("page not found", error, StringComparison.Ordinal);
        Assert.Contains("keeps its current template", error, StringComparison.Ordinal);
        Assert.Null(await StoredTemplatesAsync(practice));
        Assert.Equal("We couldn't find that page", (await PublicSite.PageAsync(_factory.Client(), $"/{practice}/nowhere", HttpStatusCode.NotFound)).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task ALoopReplacingAStoredTemplateThatFailsTooIsRefused()
    {
        const string practice = "limits-replace";
        var admin = await NewPracticeAsync(practice);
        await StoreTemplateAsync(practice, "not-found", MillionSteps);

        var response = await AdminSite.PostFormAsync(admin, $"/{practice}/admin/templates/not-found", [new("Source", Loop), new("PreviewPath", "/")], "Save");

        var page = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), $"/{practice}/admin/templates/not-found");
        var error = page.QuerySelector(".error-summary .error")?.TextContent ?? $"no error shown: {(int)response.StatusCode}";
        Assert.StartsWith("Not saved:", error, StringComparison.Ordinal);
        Assert.Contains("more than 10,000 items", error, StringComparison.Ordinal);
        Assert.Equal(MillionSteps, (string?)(await StoredTemplatesAsync(practice))?["not-found"]?["Content"]);
    }

    [Theory]
    [InlineData("limits-recipe-loop", Loop, "more than 10,000 items")]
    [InlineData("limits-recipe-nested", NestedLoop, "more than 100,000 steps")]
    public async Task ALoopInARecipeIsRefusedWithItsStepAndPointerAndNothingIsStored(string practice, string template, string limit)
    {
        await NewPracticeAsync(practice);
        var recipe = TemplatesRecipe(new() { ["article-card"] = "<li>{{ article.Title }}</li>", ["not-found"] = template });

        using var response = await SendRecipeAsync(practice, recipe);
        var report = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(report)!["errors"]!.AsArray().Single()!;
        Assert.Equal(0, (int)error["step"]!);
        Assert.Equal("/steps/0/Templates/not-found/Content", (string)error["location"]!);
        Assert.Contains(limit, (string)error["message"]!, StringComparison.Ordinal);
        Assert.Null(await StoredTemplatesAsync(practice));
    }

    [Fact]
    public async Task AStoredOverrideOverALimitFallsBackToTheThemesPageAndIsLoggedForThePractice()
    {
        const string practice = "limits-live";
        await NewPracticeAsync(practice);
        await StoreTemplateAsync(practice, "series-index", MillionSteps);

        var page = await PublicSite.PageAsync(_factory.Client(), $"/{practice}/series");

        Assert.Null(page.QuerySelector("#override"));
        Assert.Equal("Series", page.QuerySelector("main h1")!.TextContent);
        var warning = Assert.Single(WarningsAbout(practice));
        Assert.Contains("series-index", warning, StringComparison.Ordinal);
        Assert.Contains("more than 100,000 steps", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStoredOverrideThatIncludesAMissingPartialFallsBackInsteadOfAnEmpty500()
    {
        const string practice = "limits-include";
        await NewPracticeAsync(practice);
        await StoreTemplateAsync(practice, "not-found", "<h1 id=\"override\">Lost</h1>{% include 'no-such-partial' %}");

        var page = await PublicSite.PageAsync(_factory.Client(), $"/{practice}/nowhere", HttpStatusCode.NotFound);

        Assert.Null(page.QuerySelector("#override"));
        Assert.Equal("We couldn't find that page", page.QuerySelector("h1")!.TextContent);
        var warning = Assert.Single(WarningsAbout(practice));
        Assert.Contains("not-found", warning, StringComparison.Ordinal);
        Assert.Contains("no-such-partial", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOverrideThatIncludesAMissingPartialIsRefusedWhenSaved()
    {
        const string practice = "limits-save-include";
        var admin = await NewPracticeAsync(practice);

        var response = await AdminSite.PostFormAsync(admin, $"/{practice}/admin/templates/home", [new("Source", "<h1>Welcome</h1>{% include 'no-such-partial' %}"), new("PreviewPath", "/")], "Save");

        var page = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), $"/{practice}/admin/templates/home");
        var error = page.QuerySelector(".error-summary .error")?.TextContent ?? $"no error shown: {(int)response.StatusCode}";
        Assert.StartsWith("Not saved:", error, StringComparison.Ordinal);
        Assert.Contains("'no-such-partial'", error, StringComparison.Ordinal);
        Assert.Contains("home page", error, StringComparison.Ordinal);
        Assert.Null(await StoredTemplatesAsync(practice));
    }

    [Fact]
    public async Task APreviewOfATemplateOverALimitSaysWhichLimitInsteadOfRenderingOn()
    {
        const string practice = "limits-preview";
        var admin = await NewPracticeAsync(practice);

        var response = await AdminSite.PostFormAsync(admin, $"/{practice}/admin/templates/home", [new("Source", MillionSteps), new("PreviewPath", "/")], "Preview");

        var page = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), $"/{practice}/admin/templates/home");
        Assert.Null(page.QuerySelector("#override"));
        var error = page.QuerySelector(".error-summary .error")?.TextContent ?? $"no error shown: {(int)response.StatusCode}";
        Assert.StartsWith("Cannot preview:", error, StringComparison.Ordinal);
        Assert.Contains("more than 100,000 steps", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClientThatGoesAwayStopsTheRender()
    {
        const string practice = "limits-gone";
        await NewPracticeAsync(practice);
        await StoreTemplateAsync(practice, "series-index", MillionSteps);
        await _factory.Client().GetAsync($"/{practice}/");

        // The client is gone before the page is rendered: rendering it to the end would go over the step limit and be logged.
        using var gone = new CancellationTokenSource();
        await gone.CancelAsync();
        var stopped = await _factory.Server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Get;
            context.Request.Host = new HostString("localhost");
            context.Request.Path = $"/{practice}/series";
            context.RequestAborted = gone.Token;
        });

        Assert.Equal(StatusCodes.Status499ClientClosedRequest, stopped.Response.StatusCode);

        Assert.Empty(WarningsAbout(practice));
        // Nothing was kept from the stopped render: the next reader's request renders the page, over the limit this time.
        var page = await PublicSite.PageAsync(_factory.Client(), $"/{practice}/series");
        Assert.Null(page.QuerySelector("#override"));
        Assert.Single(WarningsAbout(practice));
    }

    [Fact]
    public async Task ATitlePatternOverALimitRefusesTheItemInsteadOfRunningOn()
    {
        const string practice = "limits-pattern";
        await NewPracticeAsync(practice);
        const string recipe = """
            { "name": "loop-pattern", "steps": [
              { "name": "ContentDefinition",
                "ContentTypes": [ { "Name": "Note", "DisplayName": "Note", "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true } },
                  "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart",
                    "Settings": { "TitlePartSettings": { "Options": "GeneratedDisabled", "Pattern": "{% for i in (1..200000) %}{% endfor %}A note" } } } ] } ],
                "ContentParts": [] },
              { "name": "content", "data": [ { "ContentItemId": "limitspatternnote00000001", "ContentType": "Note", "DisplayText": "x", "Latest": true, "Published": true, "TitlePart": { "Title": "x" } } ] } ] }
            """;

        using var response = await SendRecipeAsync(practice, recipe);
        var report = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("/steps/1/data/0", report, StringComparison.Ordinal);
        Assert.Contains("more than 1,000 items", report, StringComparison.Ordinal);
        await using var db = await OpenDbAsync(practice);
        Assert.False(db.ContentItems.Any(c => c.ContentItemId == "limitspatternnote00000001"));
    }

    [Fact]
    public async Task ATopicIsPagedSoThatTheThemesOwnPagesStayWithinTheLimitsHoweverBigThePractice()
    {
        const string practice = "limits-topic";
        await NewPracticeAsync(practice);
        var articles = Enumerable.Range(1, 25).Select(i => $$"""
            { "ContentItemId": "limitsbigarticle{{i:D9}}", "ContentType": "Article", "DisplayText": "Worry, note {{i}}", "Latest": true, "Published": true,
              "PublishedUtc": "2026-01-01T10:00:00Z", "CreatedUtc": "2026-01-01T10:00:00Z", "ModifiedUtc": "2026-01-01T10:00:00Z",
              "TitlePart": { "Title": "Worry, note {{i}}" }, "AutoroutePart": { "Path": "articles/worry-note-{{i}}" },
              "MarkdownBodyPart": { "Markdown": "A few words on worry." },
              "Article": { "Authors": { "ContentItemIds": [ "counselordanawhitfield0001" ] }, "Topics": { "Values": [ "Anxiety" ] }, "SensitiveTopic": { "Value": false } } }
            """);
        using var imported = await SendRecipeAsync(practice, $$"""{ "name": "many", "steps": [ { "name": "content", "data": [ {{string.Join(",", articles)}} ] } ] }""");
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        // A topic showed all its articles on one page: about 700 characters a card went over the output limit at 1,500.
        var first = await PublicSite.PageAsync(_factory.Client(), $"/{practice}/topics/anxiety");
        var last = await PublicSite.PageAsync(_factory.Client(), $"/{practice}/topics/anxiety?page=3");

        Assert.Equal(10, first.QuerySelectorAll("li.article-card").Length);
        Assert.Equal($"/{practice}/topics/anxiety?page=2", first.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.NotEmpty(last.QuerySelectorAll("li.article-card"));
        await PublicSite.PageAsync(_factory.Client(), $"/{practice}/topics/anxiety?page=4", HttpStatusCode.NotFound);
        Assert.Empty(WarningsAbout(practice));
    }

    [Fact]
    public async Task ATemplateReadsTheSiteModelAndNothingBehindIt()
    {
        const string practice = "limits-members";
        var admin = await NewPracticeAsync(practice);

        // Fluid 3 reads any public member of anything reachable unless told otherwise; a time zone is not the site model.
        var response = await AdminSite.PostFormAsync(admin, $"/{practice}/admin/templates/home", [new("Source", "<p id=\"probe\">[{{ Practice.Name }}|{{ Practice.TimeZone.Id }}|{{ Practice.TimeZone.BaseUtcOffset }}]</p>"), new("PreviewPath", "/")], "Preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), $"/{practice}/");
        Assert.Equal("[Riverbend Counseling||]", page.QuerySelector("#probe")!.TextContent);
    }

    // A practice of its own with the demo's content, and its administrator signed in.
    private async Task<HttpClient> NewPracticeAsync(string name)
    {
        var created = await _factory.Services.GetRequiredService<TenantManager>().CreateAsync(
            new CreateTenantRequest { Name = name, Prefix = name, RecipeName = "practice", AdminUserName = "limits-admin", AdminPassword = Password }, default);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        var sample = _factory.Services.GetRequiredService<RecipeCatalog>().Find("practice-sample")!;
        var imported = await _factory.Services.GetRequiredService<TenantRecipes>().ImportAsync(name, RecipeSource.FromFile(sample.FilePath), new RecipeOptions(), default);
        Assert.True(imported is { Applied: true }, string.Join(" ", imported?.Errors ?? []));
        return await AdminSite.SignInAsync(_factory, "limits-admin", Password, "/" + name);
    }

    // Writes a template straight into the practice's storage, as one saved before the limits existed would be.
    private async Task StoreTemplateAsync(string practice, string name, string source)
    {
        await using (var db = await OpenDbAsync(practice))
        {
            await TenantDocuments.SetAsync(db, RecipeDocuments.Templates, new JsonObject { [name] = new JsonObject { ["Content"] = source } }, DateTimeOffset.UtcNow, default);
        }
    }

    private async Task<JsonObject?> StoredTemplatesAsync(string practice)
    {
        await using var db = await OpenDbAsync(practice);
        return await TenantDocuments.GetAsync<JsonObject>(db, RecipeDocuments.Templates, default);
    }

    private async Task<TenantDbContext> OpenDbAsync(string practice)
    {
        var tenant = (await _factory.Services.GetRequiredService<TenantManager>().FindAsync(practice, default))!;
        return new TenantDbContext(_factory.Services.GetRequiredService<CmsDatabase>().TenantOptions(tenant), tenant.Name);
    }

    private async Task<HttpResponseMessage> SendRecipeAsync(string practice, string recipe)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/{practice}/api/recipes") { Content = new StringContent(recipe, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", CmsFactory.ApiKey);
        return await _factory.Client().SendAsync(request);
    }

    private List<string> WarningsAbout(string practice) =>
        [.. _log.Entries.Where(e => e.Level >= LogLevel.Warning && e.Message.Contains(practice, StringComparison.Ordinal)).Select(e => e.Message)];

    private static string TemplatesRecipe(Dictionary<string, string> templates) => JsonSerializer.Serialize(new
    {
        name = "templates",
        steps = new[] { new Dictionary<string, object> { ["name"] = "Templates", ["Templates"] = templates.ToDictionary(t => t.Key, t => new { Content = t.Value }) } },
    });
}
