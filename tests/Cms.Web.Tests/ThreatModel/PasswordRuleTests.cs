using System.Net;
using System.Net.Http.Json;
using Cms.Web.Tests.Admin;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.ThreatModel;

/// <summary>Issue 10, item 6: every place that sets a password refuses a common, repeated or sequential one and says why.</summary>
[Trait("Suite", "ThreatModel")]
public sealed class PasswordRuleTests : IClassFixture<CmsFactory>
{
    private readonly CmsFactory _factory;

    public PasswordRuleTests(CmsFactory factory)
    {
        _factory = factory;
    }

    public static TheoryData<string, string> Weak => new()
    {
        { "password1234", "one of the most common passwords" },
        { "Qwertyuiop", "one of the most common passwords" },
        { "Welcome2024!", "one of the most common passwords" },
        { "zzzzzzzzzzzz", "repeats" },
        { "abababababab", "repeats" },
        { "3456789012", "sequence" },
        { "lmnopqrstuvw", "sequence" },
    };

    [Theory]
    [MemberData(nameof(Weak))]
    public async Task TheUsersPageRefusesAWeakPasswordForANewUserAndAddsNoOne(string password, string reason)
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var name = "weak-" + Guid.NewGuid().ToString("N")[..8];

        var refused = await AdminSite.PostFormAsync(admin, AdminSite.Base + "/admin/users", [new("NewUserName", name), new("NewPassword", password), new("NewRoles", "Author")], "Add");
        var errors = (await PublicSite.ParseAsync(await refused.Content.ReadAsStringAsync(), "/admin/users")).QuerySelector(".error-summary")?.TextContent ?? "";

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(reason, errors, StringComparison.Ordinal);
        Assert.DoesNotContain(name, await admin.GetStringAsync(AdminSite.Base + "/admin/users"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await CmsFactory.SignInAsync(_factory.Client(), AdminSite.Base, name, password)).StatusCode);
    }

    [Fact]
    public async Task SettingANewPasswordRefusesACommonOneAndKeepsTheOld()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await AdminSite.AddUserAsync(admin, "keeps-hers", "a-long-password-1", "Author");
        var id = (await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/users")).QuerySelector("form[aria-label='Roles of keeps-hers'] input[name=id]")!.GetAttribute("value")!;

        var refused = await AdminSite.PostFormAsync(admin, AdminSite.Base + "/admin/users", [new("id", id), new("password", "iloveyou123")], "Password");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("one of the most common passwords", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await CmsFactory.SignInAsync(_factory.Client(), AdminSite.Base, "keeps-hers", "iloveyou123")).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await CmsFactory.SignInAsync(_factory.Client(), AdminSite.Base, "keeps-hers", "a-long-password-1")).StatusCode);
    }

    [Fact]
    public async Task TheTenantApiRefusesAWeakAdministratorPasswordAndCreatesNothing()
    {
        var client = _factory.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", CmsFactory.ApiKey);

        var refused = await client.PostAsJsonAsync("/api/tenants", new { name = "weakling", prefix = "weakling", recipeName = "practice", adminUserName = "wes", adminPassword = "1111111111" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("repeats", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/tenants/weakling")).StatusCode);
    }

    [Fact]
    public async Task TheAdminPagesSayWhatTheRuleIs()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var hints = (await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/users")).QuerySelectorAll(".hint").Select(h => h.TextContent).ToList();

        Assert.Contains(hints, h => h.Contains("At least 10 characters", StringComparison.Ordinal) && h.Contains("not a common password", StringComparison.Ordinal));
    }
}
