using System.Net;
using System.Net.Http.Json;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>
/// Issue 14, item 11: a practice is asked for its display name when it is created (the host admin's form, the CLI, the
/// API), and that name, not the technical one ("oak"), titles its site.
/// </summary>
public sealed class PracticeDisplayNameTests : IClassFixture<CmsFactory>
{
    private readonly CmsFactory _factory;

    public PracticeDisplayNameTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task TheHostAdminsFormAsksForTheDisplayNameAndTheSiteIsTitledByIt()
    {
        var host = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword, tenantBase: "");
        var form = await host.GetStringAsync("/admin/practices");

        var created = await AdminSite.PostFormAsync(host, "/admin/practices", Form("oak", "Oak Counseling"), "Create");

        Assert.Contains("name=\"Form.DisplayName\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Found, created.StatusCode);
        var home = await _factory.Client().GetStringAsync("/oak/");
        Assert.Contains("<title>Oak Counseling</title>", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFormRefusesAPracticeWithoutADisplayNameAndCreatesNothing()
    {
        var host = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword, tenantBase: "");

        var refused = await AdminSite.PostFormAsync(host, "/admin/practices", Form("elm", " "), "Create");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("display name", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.Client().GetAsync("/elm/")).StatusCode);
    }

    [Fact]
    public async Task TheCliAndTheApiTakeTheDisplayName()
    {
        var (code, _, error) = await new PracticeCli(_factory).RunAsync("tenants", "create", "--name", "larch", "--prefix", "larch", "--recipe", "practice", "--display-name", "Larch Family Therapy");
        var api = _factory.Client();
        api.DefaultRequestHeaders.Add("X-Api-Key", CmsFactory.ApiKey);
        var created = await api.PostAsJsonAsync("/api/tenants", new { name = "linden", prefix = "linden", recipeName = "practice", displayName = "Linden Counseling" });

        Assert.True(code == 0, error);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("<title>Linden Counseling</title>", await _factory.Client().GetStringAsync("/linden/"), StringComparison.Ordinal);
        await Eventually.StatusAsync(_factory.Client(), "/larch/", HttpStatusCode.OK);
        Assert.Contains("<title>Larch Family Therapy</title>", await _factory.Client().GetStringAsync("/larch/"), StringComparison.Ordinal);
    }

    private static List<KeyValuePair<string, string>> Form(string name, string displayName) =>
    [
        new("Form.Name", name),
        new("Form.DisplayName", displayName),
        new("Form.Prefix", name),
        new("Form.Recipe", "practice"),
    ];
}
