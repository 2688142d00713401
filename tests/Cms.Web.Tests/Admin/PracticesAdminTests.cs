using System.Net;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>The hosting operator manages practices in the browser, on the host's own admin.</summary>
public sealed class PracticesAdminTests : IClassFixture<CmsFactory>
{
    private readonly CmsFactory _factory;

    public PracticesAdminTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task AHostAdministratorCreatesAPracticeThatIsLiveWhenTheFormReturns()
    {
        var host = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword, tenantBase: "");

        var created = await AdminSite.PostFormAsync(host, "/admin/practices", Practice("maple", "maple", "maple.example.com"), "Create");

        Assert.Equal(HttpStatusCode.Found, created.StatusCode);
        var home = await _factory.Client().GetStringAsync("/maple/");
        Assert.Contains("<title>maple</title>", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _factory.Client("maple.example.com").GetAsync("/counselors")).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await CmsFactory.SignInAsync(_factory.Client(), "/maple", "maple-admin", "maple-password-1")).StatusCode);
        Assert.Contains("maple", await host.GetStringAsync("/admin/practices?q=mapl"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInputIsRefusedWithItsReasonAndNothingIsCreated()
    {
        var host = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword, tenantBase: "");

        var taken = await AdminSite.PostFormAsync(host, "/admin/practices", Practice("birch", "riverbend", null), "Create");
        var badName = await AdminSite.PostFormAsync(host, "/admin/practices", Practice("no spaces!", "nospace", null), "Create");

        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Contains("prefix &#x27;riverbend&#x27; already belongs to tenant &#x27;riverbend&#x27;", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, badName.StatusCode);
        Assert.Contains("was not changed", await badName.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(">birch<", await host.GetStringAsync("/admin/practices"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.Client().GetAsync("/nospace/")).StatusCode);
    }

    [Fact]
    public async Task DisablingEnablingAndRemovingTakeEffectAtOnceAndRemovingAsksForTheName()
    {
        var host = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword, tenantBase: "");
        await AdminSite.PostFormAsync(host, "/admin/practices", Practice("aspen", "aspen", null), "Create");

        Assert.Equal(HttpStatusCode.Found, (await AdminSite.PostFormAsync(host, "/admin/practices", [new("name", "aspen")], "Disable")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _factory.Client().GetAsync("/aspen/")).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await AdminSite.PostFormAsync(host, "/admin/practices", [new("name", "aspen")], "Enable")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _factory.Client().GetAsync("/aspen/")).StatusCode);

        var wrong = await AdminSite.PostFormAsync(host, "/admin/practices/aspen/remove", [new("confirm", "aspn")]);
        Assert.Contains("Nothing was removed", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _factory.Client().GetAsync("/aspen/")).StatusCode);

        Assert.Equal(HttpStatusCode.Found, (await AdminSite.PostFormAsync(host, "/admin/practices/aspen/remove", [new("confirm", "aspen")])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.Client().GetAsync("/aspen/")).StatusCode);
    }

    [Fact]
    public async Task OnlyTheHostsAdministratorsManagePractices()
    {
        var practiceAdmin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.Forbidden, (await practiceAdmin.GetAsync(AdminSite.Base + "/admin/practices")).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await _factory.Client().GetAsync("/admin/practices")).StatusCode);
    }

    [Fact]
    public async Task ANewPrefixAndHostServeThePracticeWhenTheFormReturnsAndTheOldPrefixNoLonger()
    {
        var host = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword, tenantBase: "");
        Assert.Equal(HttpStatusCode.Found, (await AdminSite.PostFormAsync(host, "/admin/practices", Practice("cedar", "cedar", "cedar.example.com"), "Create")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _factory.Client().GetAsync("/cedar/")).StatusCode);
        Assert.NotNull((await PublicSite.PageAsync(host, "/admin/practices?q=cedar")).QuerySelector("a[href$='/admin/practices/cedar/edit']"));

        var edited = await AdminSite.PostFormAsync(host, "/admin/practices/cedar/edit", [new("Hosts", "cedargrove.example.com, www.cedargrove.example.com"), new("Prefix", "/Cedar-Grove/")]);

        Assert.Equal(HttpStatusCode.Found, edited.StatusCode);
        var home = await PublicSite.PageAsync(_factory.Client(), "/cedar-grove/");
        Assert.Equal("cedar", home.Title);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.Client().GetAsync("/cedar/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _factory.Client("www.cedargrove.example.com").GetAsync("/")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await _factory.Client("cedar.example.com").GetAsync("/counselors")).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await CmsFactory.SignInAsync(_factory.Client(), "/cedar-grove", "cedar-admin", "cedar-password-1")).StatusCode);
        var form = await PublicSite.PageAsync(host, "/admin/practices/cedar/edit");
        Assert.Equal("cedar-grove", form.QuerySelector("input[name=Prefix]")!.GetAttribute("value"));
        Assert.Equal("cedargrove.example.com, www.cedargrove.example.com", form.QuerySelector("input[name=Hosts]")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("riverbend", "", "The prefix 'riverbend' already belongs to tenant 'riverbend'.")]
    [InlineData("elm", "spruce.example.com", "The host 'spruce.example.com' already belongs to tenant 'spruce'.")]
    [InlineData("admin", "", "The prefix 'admin' is used by the host itself")]
    [InlineData("elm grove", "", "may contain only letters, digits and '-'")]
    [InlineData("", "", "Give the tenant at least one host name or a URL prefix")]
    [InlineData("elm", "https://elm.example.com/", "must be a bare host name")]
    public async Task AnAddressThatClashesOrIsInvalidIsRefusedWithItsReasonAndNothingChanges(string prefix, string hosts, string message)
    {
        var host = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword, tenantBase: "");
        var name = "elm" + Guid.NewGuid().ToString("N")[..6];
        if (!(await host.GetStringAsync("/admin/practices?q=spruce")).Contains(">spruce<", StringComparison.Ordinal))
        {
            Assert.Equal(HttpStatusCode.Found, (await AdminSite.PostFormAsync(host, "/admin/practices", Practice("spruce", "spruce", "spruce.example.com"), "Create")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Found, (await AdminSite.PostFormAsync(host, "/admin/practices", Practice(name, name, $"{name}.example.com"), "Create")).StatusCode);
        var before = await host.GetStringAsync("/api/tenants/" + name);

        var refused = await AdminSite.PostFormAsync(host, $"/admin/practices/{name}/edit", [new("Hosts", hosts), new("Prefix", prefix)]);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PublicSite.ParseAsync(await refused.Content.ReadAsStringAsync(), $"/admin/practices/{name}/edit");
        Assert.Contains("The address was not changed", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(message, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await host.GetStringAsync("/api/tenants/" + name));
        Assert.Equal(HttpStatusCode.OK, (await _factory.Client().GetAsync($"/{name}/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _factory.Client($"{name}.example.com").GetAsync("/")).StatusCode);
        Assert.Contains("Riverbend", await _factory.Client().GetStringAsync("/riverbend/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHostAdministratorTakenDownLosesPracticesAtTheirNextRequest()
    {
        var host = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword, tenantBase: "");
        var added = await AdminSite.PostFormAsync(host, "/admin/users", [new("NewUserName", "second-host"), new("NewPassword", "second-password-1"), new("NewRoles", "Administrator")], "Add");
        Assert.Equal(HttpStatusCode.Found, added.StatusCode);
        var second = await AdminSite.SignInAsync(_factory, "second-host", "second-password-1", tenantBase: "");
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/admin/practices")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/tenants")).StatusCode);

        var users = await PublicSite.PageAsync(host, "/admin/users");
        var id = users.QuerySelector("form[aria-label='Roles of second-host'] input[name=id]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Found, (await AdminSite.PostFormAsync(host, "/admin/users", [new("id", id), new("roles", "Editor"), new("enabled", "true")], "Save")).StatusCode);

        // The role change ended their sessions (issue 10); signed in again, the stored roles decide.
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/tenants")).StatusCode);
        var again = await AdminSite.SignInAsync(_factory, "second-host", "second-password-1", tenantBase: "");
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync("/admin/practices")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync("/api/tenants")).StatusCode);
    }

    private static List<KeyValuePair<string, string>> Practice(string name, string prefix, string? host) =>
    [
        new("Form.Name", name),
        new("Form.DisplayName", name),
        new("Form.Prefix", prefix),
        new("Form.Hosts", host ?? ""),
        new("Form.Recipe", "practice"),
        new("Form.AdminUserName", name + "-admin"),
        new("Form.AdminPassword", name + "-password-1"),
    ];
}
