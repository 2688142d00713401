using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cms.Web.Tests.Admin;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Recipes;

/// <summary>
/// Issue 14, item 3: the check of a recipe (the admin's, <c>recipes validate</c>, <c>--dry-run</c>) runs every content rule
/// the import runs and reports every problem by its pointer, so a recipe that passes the check does not fail to apply.
/// </summary>
public sealed class RecipeCheckRunsEveryRuleTests : IClassFixture<CmsFactory>, IDisposable
{
    // Two articles of the practice: neither has an author; the second is in a series without a part number.
    private const string TwoBadArticles = """
        { "name": "two-bad-articles", "steps": [ { "name": "content", "data": [
          { "ContentItemId": "badarticlenoauthors00001", "ContentType": "Article", "Latest": true, "Published": true,
            "TitlePart": { "Title": "No Authors One" }, "AutoroutePart": { "Path": "articles/no-authors-one" },
            "Article": { "Authors": { "ContentItemIds": [] } } },
          { "ContentItemId": "badarticlenoauthors00002", "ContentType": "Article", "Latest": true, "Published": true,
            "TitlePart": { "Title": "No Authors Two" }, "AutoroutePart": { "Path": "articles/no-authors-two" },
            "Article": { "Series": { "ContentItemIds": [ "serieswhatyoushouldknow001" ] } } } ] } ] }
        """;

    // Checked without a site: the recipe's own type says Owner is required, and neither memo has one.
    private const string TwoBadMemos = """
        { "name": "two-bad-memos", "steps": [
          { "name": "ContentDefinition",
            "ContentTypes": [ { "Name": "Memo", "DisplayName": "Memo", "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "Memo", "Name": "Memo" } ] } ],
            "ContentParts": [ { "Name": "Memo", "ContentPartFieldDefinitionRecords": [ { "FieldName": "TextField", "Name": "Owner", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Owner" }, "TextFieldSettings": { "Required": true } } } ] } ] },
          { "name": "content", "data": [
            { "ContentItemId": "memo1", "ContentType": "Memo", "Latest": true, "Published": true, "TitlePart": { "Title": "One" }, "Memo": { } },
            { "ContentItemId": "memo2", "ContentType": "Memo", "Latest": true, "Published": true, "TitlePart": { "Title": "Two" }, "Memo": { "Owner": { "Text": " " } } } ] } ] }
        """;

    // Two new parts of the demo's series, both numbered 4: a rule between two items of the recipe.
    private const string TwoFourthParts = """
        { "name": "two-fourth-parts", "steps": [ { "name": "content", "data": [
          { "ContentItemId": "fourthpartone00000000001", "ContentType": "Article", "Latest": true, "Published": true,
            "TitlePart": { "Title": "Fourth Part One" }, "AutoroutePart": { "Path": "articles/fourth-part-one" },
            "Article": { "Authors": { "ContentItemIds": [ "counselordanawhitfield0001" ] }, "Series": { "ContentItemIds": [ "serieswhatyoushouldknow001" ] }, "Part": { "Value": 4 } } },
          { "ContentItemId": "fourthparttwo00000000001", "ContentType": "Article", "Latest": true, "Published": true,
            "TitlePart": { "Title": "Fourth Part Two" }, "AutoroutePart": { "Path": "articles/fourth-part-two" },
            "Article": { "Authors": { "ContentItemIds": [ "counselordanawhitfield0001" ] }, "Series": { "ContentItemIds": [ "serieswhatyoushouldknow001" ] }, "Part": { "Value": 4 } } } ] } ] }
        """;

    private readonly CmsFactory _factory;
    private readonly PracticeCli _cli;
    private readonly string _folder = Directory.CreateTempSubdirectory("cms-check-").FullName;

    public RecipeCheckRunsEveryRuleTests(CmsFactory factory)
    {
        _factory = factory;
        _factory.Client();
        _cli = new PracticeCli(factory);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task TheAdminsCheckReportsBothArticlesProblemsAndOffersNothingToApply()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var response = await AdminSite.UploadRecipeAsync(admin, AdminSite.Base, TwoBadArticles);
        var page = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), "/admin/import");

        var errors = page.QuerySelectorAll(".recipe-errors li").Select(li => li.TextContent).ToList();
        Assert.Contains(errors, e => e.Contains("/steps/0/data/0/Article/Authors", StringComparison.Ordinal) && e.Contains("Authors is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("/steps/0/data/1/Article/Authors", StringComparison.Ordinal) && e.Contains("Authors is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("/steps/0/data/1/Article/Part", StringComparison.Ordinal) && e.Contains("part number", StringComparison.Ordinal));
        Assert.Null(page.QuerySelector("input[name=pending]"));
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.Client().GetAsync(AdminSite.Base + "/articles/no-authors-one")).StatusCode);
    }

    [Fact]
    public async Task ADryRunReportsBothArticlesAndTheImportIsRefusedBeforeWritingAnything()
    {
        var recipe = Path.Combine(_folder, "articles.recipe.json");
        await File.WriteAllTextAsync(recipe, TwoBadArticles);

        var (dryCode, _, dry) = await _cli.RunAsync("recipes", "import", "--tenant", "riverbend", recipe, "--dry-run");
        var (code, _, error) = await _cli.RunAsync("recipes", "import", "--tenant", "riverbend", recipe);

        Assert.Equal(1, dryCode);
        Assert.Contains("error: /steps/0/data/0/Article/Authors: Authors is required.", dry, StringComparison.Ordinal);
        Assert.Contains("error: /steps/0/data/1/Article/Authors: Authors is required.", dry, StringComparison.Ordinal);
        Assert.Contains("error: /steps/0/data/1/Article/Part: ", dry, StringComparison.Ordinal);
        Assert.Equal(1, code);
        Assert.Contains("error: /steps/0/data/0/Article/Authors", error, StringComparison.Ordinal);
        Assert.Contains("error: /steps/0/data/1/Article/Authors", error, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.Client().GetAsync(AdminSite.Base + "/articles/no-authors-one")).StatusCode);
    }

    [Fact]
    public async Task TheApiRefusesTheRecipeWithEveryProblemAndKeepsThePracticeAsItWas()
    {
        var client = _factory.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", CmsFactory.ApiKey);
        var before = await client.GetStringAsync("/riverbend/api/recipes/export");

        var response = await client.PostAsync("/riverbend/api/recipes", new StringContent(TwoBadArticles, Encoding.UTF8, "application/json"));
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var locations = report.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("location").GetString()).ToList();
        Assert.Equal(["/steps/0/data/0/Article/Authors", "/steps/0/data/1/Article/Authors", "/steps/0/data/1/Article/Part"], locations.Order(StringComparer.Ordinal));
        Assert.Equal(Strip(before), Strip(await client.GetStringAsync("/riverbend/api/recipes/export")));
    }

    [Fact]
    public async Task RecipesValidateReportsEveryItemsMissingRequiredField()
    {
        var recipe = Path.Combine(_folder, "memos.recipe.json");
        await File.WriteAllTextAsync(recipe, TwoBadMemos);

        var (code, _, error) = await _cli.RunAsync("recipes", "validate", recipe);

        Assert.Equal(1, code);
        Assert.Contains("error: /steps/1/data/0/Memo/Owner: Owner is required.", error, StringComparison.Ordinal);
        Assert.Contains("error: /steps/1/data/1/Memo/Owner: Owner is required.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoItemsOfTheRecipeWithTheSamePartNumberAreFoundByTheCheckAsByTheImport()
    {
        var recipe = Path.Combine(_folder, "parts.recipe.json");
        await File.WriteAllTextAsync(recipe, TwoFourthParts);

        var (dryCode, _, dry) = await _cli.RunAsync("recipes", "import", "--tenant", "riverbend", recipe, "--dry-run");
        var (code, _, error) = await _cli.RunAsync("recipes", "import", "--tenant", "riverbend", recipe);

        Assert.Equal(1, dryCode);
        Assert.Contains("error: /steps/0/data/1/Article/Part: Part 4 of ", dry, StringComparison.Ordinal);
        Assert.DoesNotContain("/steps/0/data/0/", dry, StringComparison.Ordinal);
        Assert.Equal(1, code);
        Assert.Contains("error: /steps/0/data/1/Article/Part: Part 4 of ", error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.Client().GetAsync(AdminSite.Base + "/articles/fourth-part-one")).StatusCode);
    }

    private static string Strip(string export) => System.Text.RegularExpressions.Regex.Replace(export, "\"exportUtc\": \"[^\"]+\"", "");
}
