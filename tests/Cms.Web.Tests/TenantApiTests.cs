using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests;

public sealed class TenantApiTests : IClassFixture<CmsFactory>
{
    private readonly CmsFactory _factory;

    public TenantApiTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task CreatesAPracticeWithTheApiKeyAndRefusesADuplicate()
    {
        var client = KeyClient();

        var created = await client.PostAsJsonAsync("/api/tenants", new { name = "lakeside", prefix = "lakeside", recipeName = "practice", adminUserName = "lee", adminPassword = "lakeside-password" });
        var duplicate = await client.PostAsJsonAsync("/api/tenants", new { name = "Lakeside", prefix = "lakeside2" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/tenants/lakeside", created.Headers.Location?.OriginalString);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Running", body.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains("already exists", await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _factory.Client().GetAsync("/lakeside/")).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await CmsFactory.SignInAsync(_factory.Client(), "/lakeside", "lee", "lakeside-password")).StatusCode);
    }

    [Fact]
    public async Task AnswersBadInputWith400AndEveryProblem()
    {
        var response = await KeyClient().PostAsJsonAsync("/api/tenants", new { name = "bad name!", prefix = "admin" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, problem.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task DisablesEnablesAndRemovesAPractice()
    {
        var client = KeyClient();
        await client.PostAsJsonAsync("/api/tenants", new { name = "fern", prefix = "fern" });

        var disabled = await client.PostAsync("/api/tenants/fern/disable", null);
        var whileDisabled = await _factory.Client().GetAsync("/fern/");
        var enabled = await client.PostAsync("/api/tenants/fern/enable", null);
        var removed = await client.DeleteAsync("/api/tenants/fern");
        var afterRemoval = await client.GetAsync("/api/tenants/fern");

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileDisabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterRemoval.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/tenants/fern/disable", null)).StatusCode);
    }

    [Fact]
    public async Task PutsAPracticeAtANewAddressAndRefusesAClashWith409()
    {
        var client = KeyClient();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/tenants", new { name = "willow", prefix = "willow", recipeName = "practice", adminUserName = "wil", adminPassword = "willow-password" })).StatusCode);

        var moved = await client.PutAsJsonAsync("/api/tenants/willow", new { hosts = (string[])["Willow.Example.com"], prefix = "willow-creek" });
        var again = await client.PutAsJsonAsync("/api/tenants/willow", new { hosts = (string[])["willow.example.com"], prefix = "willow-creek" });
        var clash = await client.PutAsJsonAsync("/api/tenants/willow", new { prefix = "riverbend" });
        var missing = await client.PutAsJsonAsync("/api/tenants/nobody", new { prefix = "nobody" });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var body = await moved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("willow-creek", body.GetProperty("prefix").GetString());
        Assert.Equal(["willow.example.com"], body.GetProperty("hosts").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Contains("already belongs to tenant 'riverbend'", await clash.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("willow-creek", (await client.GetFromJsonAsync<JsonElement>("/api/tenants/willow")).GetProperty("prefix").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _factory.Client().GetAsync("/willow-creek/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.Client().GetAsync("/willow/")).StatusCode);
    }

    [Fact]
    public async Task RefusesMissingOrWrongCredentialsWith401()
    {
        var anonymous = await _factory.Client().GetAsync("/api/tenants");
        var wrongKey = _factory.Client();
        wrongKey.DefaultRequestHeaders.Add("X-Api-Key", "not-the-key");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.GetAsync("/api/tenants")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.PostAsJsonAsync("/api/tenants", new { name = "sneaky", prefix = "sneaky" })).StatusCode);
    }

    [Fact]
    public async Task RefusesAPracticesAdministratorWith403()
    {
        var practiceAdmin = _factory.Client();
        await CmsFactory.SignInAsync(practiceAdmin, "/riverbend", CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var response = await practiceAdmin.GetAsync("/riverbend/api/tenants");
        var create = await practiceAdmin.PostAsJsonAsync("/riverbend/api/tenants", new { name = "sneaky", prefix = "sneaky" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Fact]
    public async Task AcceptsAHostAdministratorsSignIn()
    {
        var hostAdmin = _factory.Client();
        await CmsFactory.SignInAsync(hostAdmin, "", CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var tenants = await hostAdmin.GetFromJsonAsync<JsonElement>("/api/tenants");

        Assert.Contains(tenants.EnumerateArray(), t => t.GetProperty("name").GetString() == "riverbend");
    }

    private HttpClient KeyClient()
    {
        var client = _factory.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", CmsFactory.ApiKey);
        return client;
    }
}
