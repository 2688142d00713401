using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.ThreatModel;

/// <summary>Issue 10, item 3: a recipe's media SourcePath cannot reach a file outside the recipe's folder, from the CLI or the API.</summary>
[Trait("Suite", "ThreatModel")]
public sealed class RecipeFilePathTests : IClassFixture<CmsFactory>, IDisposable
{
    private const string Leak = """{ "steps": [ { "name": "media", "Files": [ { "SourcePath": "../../../../etc/passwd", "TargetPath": "evil/leak.png" } ] } ] }""";

    private readonly CmsFactory _host;
    private readonly PracticeCli _cli;
    private readonly string _folder = Directory.CreateTempSubdirectory("cms-leak-").FullName;

    public RecipeFilePathTests(CmsFactory host)
    {
        _host = host;
        _host.Client();
        _cli = new PracticeCli(host);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task TheCliDoesNotCopyEtcPasswdIntoThePracticesMedia()
    {
        await _cli.CreatePracticeAsync("leak-cli");
        var recipe = Path.Combine(_folder, "evil.recipe.json");
        await File.WriteAllTextAsync(recipe, Leak);

        var (validateCode, _, validated) = await _cli.RunAsync("recipes", "validate", recipe);
        var (code, output, error) = await _cli.RunAsync("recipes", "import", "--tenant", "leak-cli", recipe);
        var (strictCode, _, strict) = await _cli.RunAsync("recipes", "import", "--tenant", "leak-cli", recipe, "--strict");

        Assert.Equal(0, validateCode);
        Assert.Contains("warning: /steps/0/Files/0/SourcePath: ", validated, StringComparison.Ordinal);
        Assert.Equal(0, code);
        Assert.Contains("warning: /steps/0/Files/0/SourcePath: The path '../../../../etc/passwd' leads outside the recipe's folder", error, StringComparison.Ordinal);
        Assert.Contains("no changes", output, StringComparison.Ordinal);
        Assert.Equal(1, strictCode);
        Assert.Contains("error: /steps/0/Files/0/SourcePath: ", strict, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_host.DataPath, "Sites", "leak-cli", "Media", "evil", "leak.png")));
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client().GetAsync("/leak-cli/media/evil/leak.png")).StatusCode);
    }

    [Fact]
    public async Task TheCliFollowsNoLinkOutOfTheRecipesFolder()
    {
        await _cli.CreatePracticeAsync("link-cli");
        File.CreateSymbolicLink(Path.Combine(_folder, "photo.png"), "/etc/passwd");
        var recipe = Path.Combine(_folder, "link.recipe.json");
        await File.WriteAllTextAsync(recipe, """{ "steps": [ { "name": "media", "Files": [ { "SourcePath": "photo.png", "TargetPath": "photo.png" } ] } ] }""");

        var (_, _, error) = await _cli.RunAsync("recipes", "import", "--tenant", "link-cli", recipe);

        Assert.Contains("warning: /steps/0/Files/0/SourcePath: The path 'photo.png' passes through a link", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_host.DataPath, "Sites", "link-cli", "Media", "photo.png")));
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client().GetAsync("/link-cli/media/photo.png")).StatusCode);
    }

    [Fact]
    public async Task TheApiReadsNoFileForAnUploadedRecipe()
    {
        await _cli.CreatePracticeAsync("leak-api");
        var client = _host.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", CmsFactory.ApiKey);

        var response = await client.PostAsync("/leak-api/api/recipes", new StringContent(Leak, Encoding.UTF8, "application/json"));
        var strict = await client.PostAsync("/leak-api/api/recipes?strict=true", new StringContent(Leak, Encoding.UTF8, "application/json"));
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        var refused = await strict.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var warning = report.GetProperty("warnings").EnumerateArray().Single();
        Assert.Equal("/steps/0/Files/0/SourcePath", warning.GetProperty("location").GetString());
        Assert.Equal(0, warning.GetProperty("step").GetInt32());
        Assert.Contains("without a folder", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, strict.StatusCode);
        Assert.Equal("/steps/0/Files/0/SourcePath", refused.GetProperty("errors")[0].GetProperty("location").GetString());
        Assert.False(File.Exists(Path.Combine(_host.DataPath, "Sites", "leak-api", "Media", "evil", "leak.png")));
    }

    [Fact]
    public async Task TheApiRefusesMediaThatIsNotAnImage()
    {
        await _cli.CreatePracticeAsync("fake-png");
        var client = _host.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", CmsFactory.ApiKey);
        var passwd = Convert.ToBase64String("root:x:0:0:root:/root:/bin/bash\n"u8.ToArray());

        var response = await client.PostAsync("/fake-png/api/recipes", new StringContent(
            $$"""{ "steps": [ { "name": "media", "Files": [ { "Base64": "{{passwd}}", "TargetPath": "evil/leak.png" } ] } ] }""", Encoding.UTF8, "application/json"));
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = report.GetProperty("errors").EnumerateArray().Single();
        Assert.Equal("/steps/0/Files/0/Base64", error.GetProperty("location").GetString());
        Assert.Contains("not really a PNG image", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client().GetAsync("/fake-png/media/evil/leak.png")).StatusCode);
    }
}
