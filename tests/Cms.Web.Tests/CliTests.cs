using System.Net;
using Cms.Web.Cli;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests;

/// <summary>The operator's verbs, run in-process over the same data folder as a running host.</summary>
public sealed class CliTests : IClassFixture<CmsFactory>
{
    private readonly CmsFactory _host;

    public CliTests(CmsFactory host)
    {
        _host = host;
        _host.Client();
    }

    [Fact]
    public async Task CreatesAPracticeThatTheRunningHostServesWithinASecond()
    {
        var (code, output, error) = await RunAsync("tenants", "create", "--name", "spruce", "--prefix", "spruce", "--host", "spruce.example.com", "--host", "www.spruce.example.com", "--recipe", "practice", "--admin-user", "sam", "--admin-password", "spruce-password");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("Created practice 'spruce'", output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await EventuallyAsync("/spruce/", HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.Found, (await CmsFactory.SignInAsync(_host.Client("www.spruce.example.com"), "", "sam", "spruce-password")).StatusCode);

        // An empty practice site: its pages answer and say there is nothing yet, nothing from the demo practice shows.
        var home = await _host.Client().GetStringAsync("/spruce/");
        Assert.Contains("<title>spruce</title>", home, StringComparison.Ordinal);
        Assert.Contains("No articles have been published yet.", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Riverbend", home, StringComparison.Ordinal);
        foreach (var page in new[] { "/spruce/articles", "/spruce/counselors", "/spruce/feed.xml", "/spruce/sitemap.xml", "/spruce/robots.txt" })
        {
            Assert.Equal(HttpStatusCode.OK, (await _host.Client().GetAsync(page)).StatusCode);
        }
    }

    [Fact]
    public async Task ListsPracticesAsATableAndAsJson()
    {
        var (code, table, _) = await RunAsync("tenants", "list");
        var (jsonCode, json, _) = await RunAsync("tenants", "list", "--json");

        Assert.Equal(0, code);
        Assert.Matches(@"riverbend\s+Running\s+riverbend\s+\d{4}-\d\d-\d\d\s+riverbend\.localhost", table);
        Assert.Equal(0, jsonCode);
        Assert.Contains("\"name\": \"riverbend\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisablesAndEnablesAPracticeTheHostThenAnswersFor()
    {
        await RunAsync("tenants", "create", "--name", "poplar", "--prefix", "poplar");

        var (disableCode, disableOutput, _) = await RunAsync("tenants", "disable", "poplar");
        var whileDisabled = await EventuallyAsync("/poplar/", HttpStatusCode.ServiceUnavailable);
        var (enableCode, _, _) = await RunAsync("tenants", "enable", "poplar");

        Assert.Equal(0, disableCode);
        Assert.Contains("is Disabled", disableOutput, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileDisabled);
        Assert.Equal(0, enableCode);
        Assert.Equal(HttpStatusCode.OK, await EventuallyAsync("/poplar/", HttpStatusCode.OK));
    }

    [Fact]
    public async Task MovesAPracticeToANewPrefixAndTheOldOneStopsAnswering()
    {
        await RunAsync("tenants", "create", "--name", "hazel", "--prefix", "hazel");
        Assert.Equal(HttpStatusCode.OK, await EventuallyAsync("/hazel/", HttpStatusCode.OK));

        var (code, output, _) = await RunAsync("tenants", "move", "hazel", "--prefix", "hazel-grove", "--host", "hazel.example.com");
        var (clashCode, _, clash) = await RunAsync("tenants", "move", "hazel", "--prefix", "riverbend");

        Assert.Equal(0, code);
        Assert.Contains("now answers on /hazel-grove/, hazel.example.com", output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await EventuallyAsync("/hazel-grove/", HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.NotFound, await EventuallyAsync("/hazel/", HttpStatusCode.NotFound));
        Assert.Equal(1, clashCode);
        Assert.Contains("The prefix 'riverbend' already belongs to tenant 'riverbend'.", clash, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await EventuallyAsync("/hazel-grove/", HttpStatusCode.OK));
    }

    [Fact]
    public async Task RemovesOnlyWhenConfirmed()
    {
        await RunAsync("tenants", "create", "--name", "alder", "--prefix", "alder");

        var (refusedCode, _, refused) = await RunAsync("tenants", "remove", "alder");
        // The practice itself (in the registry, on either provider), not only its folder, which PostgreSQL makes only for media.
        var stillListed = (await RunAsync("tenants", "list", "--json")).Output;
        var stillThere = Directory.Exists(Path.Combine(_host.DataPath, "Sites", "alder"));
        var (code, output, _) = await RunAsync("tenants", "remove", "alder", "--yes");

        Assert.Equal(1, refusedCode);
        Assert.Contains("--yes", refused, StringComparison.Ordinal);
        Assert.Contains("\"alder\"", stillListed, StringComparison.Ordinal);
        Assert.True(stillThere || _host.IsOnPostgres);
        Assert.Equal(0, code);
        Assert.Contains("Removed practice 'alder'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"alder\"", (await RunAsync("tenants", "list", "--json")).Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_host.DataPath, "Sites", "alder")));
        Assert.Equal(HttpStatusCode.NotFound, await EventuallyAsync("/alder/", HttpStatusCode.NotFound));
    }

    [Theory]
    [InlineData(new[] { "tenants", "create", "--prefix", "x" }, "--name")]
    [InlineData(new[] { "tenants", "create", "--name", "bad name", "--prefix", "ok" }, "may contain only letters")]
    [InlineData(new[] { "tenants", "create", "--name", "riverbend", "--prefix", "riverbend" }, "already exists")]
    [InlineData(new[] { "tenants", "create", "--name", "yew", "--prefix", "yew", "--recipe", "nope" }, "no recipe named 'nope'")]
    [InlineData(new[] { "tenants", "disable", "nobody" }, "no tenant named 'nobody'")]
    [InlineData(new[] { "tenants", "remove", "Default", "--yes" }, "cannot be removed")]
    [InlineData(new[] { "tenants", "frobnicate" }, "frobnicate")]
    public async Task RefusesBadInputWithAMessageAndANonZeroExitCode(string[] args, string expected)
    {
        var before = await RunAsync("tenants", "list", "--json");

        var (code, _, error) = await RunAsync(args);

        Assert.NotEqual(0, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal(before.Output, (await RunAsync("tenants", "list", "--json")).Output);
    }

    [Fact]
    public async Task ValidatesImportsAndExportsRecipes()
    {
        var folder = Directory.CreateTempSubdirectory("cms-cli-recipes").FullName;
        var good = Path.Combine(folder, "good.recipe.json");
        var bad = Path.Combine(folder, "bad.recipe.json");
        var exported = Path.Combine(folder, "out.recipe.json");
        await File.WriteAllTextAsync(good, """
            { "name": "cli", "steps": [
              { "name": "ContentDefinition", "ContentTypes": [ { "Name": "Page", "DisplayName": "Page", "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" } ] },
                                                          { "Name": "Note", "DisplayName": "Note", "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" } ] } ] },
              { "name": "content", "data": [
                { "ContentItemId": "p1", "ContentType": "Page", "Latest": true, "Published": true, "TitlePart": { "Title": "About us" } },
                { "ContentItemId": "n1", "ContentType": "Note", "Latest": true, "Published": true, "TitlePart": { "Title": "A note" } } ] },
              { "name": "layers", "Layers": [] } ] }
            """);
        await File.WriteAllTextAsync(bad, """{ "steps": [ { "name": "content", "data": [ { "ContentType": "Page" } ] } ] }""");
        await RunAsync("tenants", "create", "--name", "cedar-cli", "--prefix", "cedar-cli");

        var (validCode, validOut, validWarnings) = await RunAsync("recipes", "validate", good);
        var (strictCode, _, strictErrors) = await RunAsync("recipes", "validate", good, "--strict");
        var (badCode, _, badErrors) = await RunAsync("recipes", "import", "--tenant", "cedar-cli", bad);
        var (dryCode, dryOut, _) = await RunAsync("recipes", "import", "--tenant", "cedar-cli", good, "--dry-run");
        var (importCode, importOut, _) = await RunAsync("recipes", "import", "--tenant", "cedar-cli", good);
        var (exportCode, _, _) = await RunAsync("recipes", "export", "--tenant", "cedar-cli", "--type", "Page", "--out", exported);
        var (missingCode, _, missing) = await RunAsync("recipes", "import", "--tenant", "nobody", good);

        Assert.Equal(0, validCode);
        Assert.Contains("good.recipe.json is valid", validOut, StringComparison.Ordinal);
        Assert.Contains("warning: /steps/2/name: The step 'layers'", validWarnings, StringComparison.Ordinal);
        Assert.Equal(1, strictCode);
        Assert.Contains("error: /steps/2/name", strictErrors, StringComparison.Ordinal);
        Assert.Equal(1, badCode);
        Assert.Contains("error: /steps/0/data/0/ContentItemId", badErrors, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", badErrors, StringComparison.Ordinal);
        Assert.Equal(0, dryCode);
        Assert.Contains("dry run", dryOut, StringComparison.Ordinal);
        Assert.Equal(0, importCode);
        Assert.Contains("2 items imported", importOut, StringComparison.Ordinal);
        Assert.Equal(0, exportCode);
        var export = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(exported))!;
        var content = export["steps"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "content")!;
        Assert.Equal(["p1"], content["data"]!.AsArray().Select(i => i!["ContentItemId"]!.GetValue<string>()));
        var types = export["steps"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "ContentDefinition")!["ContentTypes"]!.AsArray();
        Assert.Equal(["Page"], types.Select(t => t!["Name"]!.GetValue<string>()));
        Assert.Equal(1, missingCode);
        Assert.Contains("no running practice named 'nobody'", missing, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task EveryVerbHasHelp()
    {
        foreach (var verb in new[] { "tenants list", "tenants create", "tenants disable", "tenants enable", "tenants remove", "recipes validate", "recipes import", "recipes export" })
        {
            var (code, output, _) = await RunAsync([.. verb.Split(' '), "--help"]);

            Assert.Equal(0, code);
            Assert.Contains("Usage:", output, StringComparison.Ordinal);
        }
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CmsCli.RunAsync(args, _host.Settings, output, error);
        return (code, output.ToString(), error.ToString());
    }

    // The host learns of the CLI's change through its registry poll (100 ms in tests).
    private Task<HttpStatusCode> EventuallyAsync(string path, HttpStatusCode wanted) => Eventually.StatusAsync(_host.Client(), path, wanted);
}
