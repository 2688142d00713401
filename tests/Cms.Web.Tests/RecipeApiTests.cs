using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cms.Web.Tests.Admin;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests;

public sealed class RecipeApiTests : IClassFixture<CmsFactory>
{
    private const string Recipe = """
        {
          "name": "api",
          "steps": [
            { "name": "ContentDefinition", "ContentTypes": [ { "Name": "Page", "DisplayName": "Page", "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" } ] } ], "ContentParts": [] },
            { "name": "content", "data": [ { "ContentItemId": "page1", "ContentType": "Page", "Latest": true, "Published": true, "TitlePart": { "Title": "Welcome" } } ] }
          ]
        }
        """;

    private readonly CmsFactory _factory;

    public RecipeApiTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task APracticesAdministratorImportsAndExportsARecipe()
    {
        var admin = _factory.Client();
        await CmsFactory.SignInAsync(admin, "/riverbend", CmsFactory.AdminUser, CmsFactory.AdminPassword);

        using var import = new HttpRequestMessage(HttpMethod.Post, "/riverbend/api/recipes") { Content = new StringContent(Recipe, Encoding.UTF8, "application/json") };
        import.Headers.Add("RequestVerificationToken", await AdminSite.AntiforgeryTokenAsync(admin, "/riverbend/admin"));
        var imported = await admin.SendAsync(import);
        var report = await imported.Content.ReadFromJsonAsync<JsonElement>();
        var export = await admin.GetStringAsync("/riverbend/api/recipes/export");

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.True(report.GetProperty("applied").GetBoolean());
        Assert.Equal(1, report.GetProperty("counts").GetProperty("items imported").GetInt32());
        var steps = JsonDocument.Parse(export).RootElement.GetProperty("steps").EnumerateArray().ToList();
        var content = steps.Single(s => s.GetProperty("name").GetString() == "content");
        var page = content.GetProperty("data").EnumerateArray().Single(i => i.GetProperty("ContentItemId").GetString() == "page1");
        Assert.Equal("Welcome", page.GetProperty("DisplayText").GetString());
    }

    [Fact]
    public async Task ABrokenRecipeIsRefusedWithItsErrorsAndChangesNothing()
    {
        var client = KeyClient();
        var before = await client.GetStringAsync("/riverbend/api/recipes/export");

        var response = await client.PostAsync("/riverbend/api/recipes", new StringContent(Recipe.Replace("\"ContentItemId\": \"page1\", ", "", StringComparison.Ordinal).Replace("\"api\"", "\"broken\"", StringComparison.Ordinal), Encoding.UTF8, "application/json"));
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(report.GetProperty("applied").GetBoolean());
        Assert.Equal("/steps/1/data/0/ContentItemId", report.GetProperty("errors")[0].GetProperty("location").GetString());
        Assert.Equal(Normalize(before), Normalize(await client.GetStringAsync("/riverbend/api/recipes/export")));
    }

    [Fact]
    public async Task RefusesTheAnonymousAndOtherTenantsAdministrators()
    {
        var hostAdmin = _factory.Client();
        await CmsFactory.SignInAsync(hostAdmin, "", CmsFactory.AdminUser, CmsFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.Client().PostAsync("/riverbend/api/recipes", new StringContent(Recipe))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.Client().GetAsync("/riverbend/api/recipes/export")).StatusCode);

        // The host administrator's cookie belongs to the host; on the practice it is no sign-in at all.
        Assert.Equal(HttpStatusCode.Unauthorized, (await hostAdmin.GetAsync("/riverbend/api/recipes/export")).StatusCode);
    }

    // The export's timestamp moves; everything else must not.
    private static string Normalize(string export) =>
        System.Text.RegularExpressions.Regex.Replace(export, "\"exportUtc\": \"[^\"]+\"", "");

    private HttpClient KeyClient()
    {
        var client = _factory.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", CmsFactory.ApiKey);
        return client;
    }
}
