using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cms.Recipes.Reading;
using Cms.Web.Tests.Admin;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.ThreatModel;

/// <summary>
/// Issue 10, item 7: a part given as text, a value over the size limit and an item given twice are answered with an
/// error at their JSON pointer by the CLI (no stack trace), the API (400) and the admin, and change nothing.
/// </summary>
[Trait("Suite", "ThreatModel")]
public sealed class RecipeBadInputTests : IClassFixture<CmsFactory>, IDisposable
{
    private const string PartAsText = """{ "steps": [ { "name": "content", "data": [ { "ContentItemId": "partastext", "ContentType": "Article", "Article": "nope", "TitlePart": { "Title": "x" } } ] } ] }""";

    private readonly CmsFactory _host;
    private readonly PracticeCli _cli;
    private readonly string _folder = Directory.CreateTempSubdirectory("cms-bad-input-").FullName;

    public RecipeBadInputTests(CmsFactory host)
    {
        _host = host;
        _host.Client();
        _cli = new PracticeCli(host);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ThePartAsTextIsAnErrorFromTheCliNotAStackTrace()
    {
        await _cli.CreatePracticeAsync("kind-cli", "--recipe", "practice");
        var before = await ExportAsync("kind-cli");

        var (code, _, error) = await _cli.RunAsync("recipes", "import", "--tenant", "kind-cli", await WriteAsync(PartAsText));

        Assert.Equal(1, code);
        Assert.Contains("error: /steps/0/data/0/Article: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal(before, await ExportAsync("kind-cli"));
    }

    [Fact]
    public async Task ThePartAsTextIsA400WithItsPlaceFromTheApi()
    {
        await _cli.CreatePracticeAsync("kind-api", "--recipe", "practice");
        var before = await ExportAsync("kind-api");

        var response = await ApiClient().PostAsync("/kind-api/api/recipes", new StringContent(PartAsText, Encoding.UTF8, "application/json"));
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(report.GetProperty("errors").EnumerateArray(), e => e.GetProperty("location").GetString() == "/steps/0/data/0/Article" && e.GetProperty("step").GetInt32() == 0);
        Assert.Equal(before, await ExportAsync("kind-api"));
    }

    [Fact]
    public async Task ThePartAsTextIsShownByTheAdminImport()
    {
        await _cli.CreatePracticeAsync("kind-admin", "--recipe", "practice", "--admin-user", "kim", "--admin-password", "kind-admin-password");
        var admin = await AdminSite.SignInAsync(_host, "kim", "kind-admin-password", "/kind-admin");
        var before = await ExportAsync("kind-admin");

        var response = await UploadAsync(admin, "/kind-admin", PartAsText);
        var page = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), "/admin/import");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(page.QuerySelectorAll(".recipe-errors li"), li => li.TextContent.Contains("/steps/0/data/0/Article", StringComparison.Ordinal));
        Assert.Equal(before, await ExportAsync("kind-admin"));
    }

    [Fact]
    public async Task AValueOverTheLimitIsRefusedAtItsPlace()
    {
        await _cli.CreatePracticeAsync("big-value", "--recipe", "practice");
        var before = await ExportAsync("big-value");
        var recipe = Path.Combine(_folder, "big.recipe.json");
        await using (var file = File.Create(recipe))
        {
            await file.WriteAsync("{ \"steps\": [ { \"name\": \"content\", \"data\": [ { \"ContentItemId\": \"big\", \"ContentType\": \"Article\", \"MarkdownBodyPart\": { \"Markdown\": \""u8.ToArray());
            var chunk = Encoding.UTF8.GetBytes(new string('a', 64 * 1024));
            for (var written = 0; written <= RecipeLimits.MaxStringBytes; written += chunk.Length)
            {
                await file.WriteAsync(chunk);
            }

            await file.WriteAsync("\" } } ] } ] }"u8.ToArray());
        }

        var (code, _, error) = await _cli.RunAsync("recipes", "import", "--tenant", "big-value", recipe);
        var response = await ApiClient().PostAsync("/big-value/api/recipes", new StreamContent(File.OpenRead(recipe)));
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(1, code);
        Assert.Contains("error: /steps/0/data/0/MarkdownBodyPart/Markdown: ", error, StringComparison.Ordinal);
        Assert.Contains("8 MB", error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var refused = report.GetProperty("errors").EnumerateArray().Single();
        Assert.Equal("/steps/0/data/0/MarkdownBodyPart/Markdown", refused.GetProperty("location").GetString());
        Assert.Equal(0, refused.GetProperty("step").GetInt32());
        Assert.Equal(before, await ExportAsync("big-value"));
    }

    [Fact]
    public async Task TwoItemsWithOneIdAreRefusedWithBothPlaces()
    {
        await _cli.CreatePracticeAsync("twice", "--recipe", "practice");
        var before = await ExportAsync("twice");
        var twice = """{ "steps": [ { "name": "content", "data": [ { "ContentItemId": "same", "ContentType": "Series", "TitlePart": { "Title": "First" } }, { "ContentItemId": "same", "ContentType": "Series", "TitlePart": { "Title": "Second" } } ] } ] }""";

        var (code, _, error) = await _cli.RunAsync("recipes", "import", "--tenant", "twice", await WriteAsync(twice));

        Assert.Equal(1, code);
        Assert.Contains("error: /steps/0/data/1/ContentItemId: ", error, StringComparison.Ordinal);
        Assert.Contains("/steps/0/data/0", error.Split('\n').Single(l => l.StartsWith("error: /steps/0/data/1/ContentItemId", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(before, await ExportAsync("twice"));
    }

    [Fact]
    public async Task AnUnexpectedFailureIsOneLineFromTheCli()
    {
        await _cli.CreatePracticeAsync("one-line");

        var (code, _, error) = await _cli.RunAsync("recipes", "export", "--tenant", "one-line", "--out", Path.Combine(_folder, "no-such-folder", "out.recipe.json"));

        Assert.NotEqual(0, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private HttpClient ApiClient()
    {
        var client = _host.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", CmsFactory.ApiKey);
        return client;
    }

    private async Task<string> WriteAsync(string recipe)
    {
        var file = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".recipe.json");
        await File.WriteAllTextAsync(file, recipe);
        return file;
    }

    // The whole practice as a recipe, without the moment of the export.
    private async Task<string> ExportAsync(string tenant)
    {
        var file = Path.Combine(_folder, tenant + ".export.json");
        var (code, _, error) = await _cli.RunAsync("recipes", "export", "--tenant", tenant, "--out", file);
        Assert.True(code == 0, error);
        return System.Text.RegularExpressions.Regex.Replace(await File.ReadAllTextAsync(file), "\"exportUtc\": \"[^\"]+\"", "");
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient admin, string tenantBase, string recipe)
    {
        var form = await admin.GetStringAsync(tenantBase + "/admin/import");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(recipe));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(file, "recipe", "test.recipe.json");
        return await admin.PostAsync(tenantBase + "/admin/import?handler=Check", content);
    }
}
