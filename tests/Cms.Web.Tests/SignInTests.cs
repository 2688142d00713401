using System.Net;
using Cms.Security;
using Cms.Tenancy;
using Cms.Web.Tests.Admin;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests;

public sealed class SignInTests
{
    [Fact]
    public async Task ASignInOnOneTenantIsWorthlessOnAnother()
    {
        using var factory = new CmsFactory();
        var client = factory.Client();

        var signIn = await CmsFactory.SignInAsync(client, "/riverbend", CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".cms.auth.riverbend=", StringComparison.Ordinal));
        var value = cookie.Split(';')[0].Split('=', 2)[1];

        Assert.Equal("/riverbend/admin", signIn.Headers.Location?.OriginalString);
        Assert.Contains("path=/riverbend", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/riverbend/admin")).StatusCode);

        // Replayed under the host's cookie name, the practice's ticket is refused.
        var replay = factory.CreateDefaultClient();
        replay.DefaultRequestHeaders.Add("Cookie", $".cms.auth.default={value}");
        foreach (var page in new[] { "/admin", "/admin/users", "/admin/practices" })
        {
            var response = await replay.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync("/api/tenants")).StatusCode);
    }

    [Fact]
    public async Task TheHostsSignInIsWorthlessOnAPracticesAdmin()
    {
        using var factory = new CmsFactory();
        var signIn = await CmsFactory.SignInAsync(factory.Client(), "", CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var value = signIn.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".cms.auth.default=", StringComparison.Ordinal) && c.Contains("path=/admin", StringComparison.Ordinal)).Split(';')[0].Split('=', 2)[1];

        // The same user name and password exist on both; the ticket still names the host as its tenant.
        var replay = factory.CreateDefaultClient();
        replay.DefaultRequestHeaders.Add("Cookie", $".cms.auth.riverbend={value}");
        foreach (var page in new[] { "/riverbend/admin", "/riverbend/admin/users", "/riverbend/admin/content/counselordanawhitfield0001" })
        {
            var response = await replay.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/riverbend/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync("/riverbend/api/recipes/export")).StatusCode);
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedWithAClearMessage()
    {
        using var factory = new CmsFactory();

        var response = await CmsFactory.SignInAsync(factory.Client(), "", CmsFactory.AdminUser, "not-the-password");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("The user name or password is not right.", page, StringComparison.Ordinal);
        Assert.Contains("Forgot your password? An administrator of this site can set a new one", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALoginWithoutTheAntiforgeryTokenIsRefused()
    {
        using var factory = new CmsFactory();

        var response = await factory.Client().PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = CmsFactory.AdminUser,
            ["password"] = CmsFactory.AdminPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.Where(h => h.Key == "Set-Cookie").SelectMany(h => h.Value), c => c.StartsWith(".cms.auth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARestartKeepsDataAndSignInsValid()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "cms-web-tests", Guid.NewGuid().ToString("N"));
        string cookie;
        DateTimeOffset created;
        using (var first = CmsFactory.At(dataPath))
        {
            var signIn = await CmsFactory.SignInAsync(first.Client(), "", CmsFactory.AdminUser, CmsFactory.AdminPassword);
            cookie = signIn.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".cms.auth.default=", StringComparison.Ordinal) && c.Contains("path=/admin", StringComparison.Ordinal)).Split(';')[0];
            created = (await first.Services.GetRequiredService<TenantManager>().FindAsync("riverbend", default))!.CreatedUtc;
        }

        try
        {
            using var second = CmsFactory.At(dataPath);
            var client = second.CreateDefaultClient();
            client.DefaultRequestHeaders.Add("Cookie", cookie);
            var admin = await client.GetAsync("/admin");

            Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
            Assert.Contains("riverbend", await admin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(created, (await second.Services.GetRequiredService<TenantManager>().FindAsync("riverbend", default))!.CreatedUtc);
        }
        finally
        {
            CmsFactory.DeleteData(dataPath);
        }
    }

    [Fact]
    public async Task OneBrowserSignsInToTheHostAndToAPracticeSideBySide()
    {
        using var factory = new CmsFactory();
        var browser = factory.Client();

        var host = await CmsFactory.SignInAsync(browser, "", CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var practice = await CmsFactory.SignInAsync(browser, "/riverbend", CmsFactory.AdminUser, CmsFactory.AdminPassword);

        Assert.Equal(HttpStatusCode.Found, host.StatusCode);
        Assert.Equal(HttpStatusCode.Found, practice.StatusCode);
        Assert.Contains("Practices", await browser.GetStringAsync("/admin"), StringComparison.Ordinal);
        Assert.DoesNotContain("Practices", await browser.GetStringAsync("/riverbend/admin"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APracticesSignInPageNamesThePractice()
    {
        using var factory = new CmsFactory();

        var page = await factory.Client().GetStringAsync("/riverbend/login");

        Assert.Contains("Sign in to manage <strong>Riverbend Counseling</strong>.", page, StringComparison.Ordinal);
    }
}
