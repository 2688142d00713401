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
    public async Task RepeatedWrongPasswordsLockTheAccountSayForHowLongAndANewPasswordFromAnAdministratorLiftsIt()
    {
        using var factory = new CmsFactory();
        var admin = await AdminSite.SignInAsync(factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await AdminSite.AddUserAsync(admin, "forgetful", "the-right-password", "Editor");

        for (var attempt = 1; attempt < UserAccounts.MaxFailedAttempts; attempt++)
        {
            var wrong = await CmsFactory.SignInAsync(factory.Client(), AdminSite.Base, "forgetful", $"wrong-password-{attempt}");
            Assert.Contains("The user name or password is not right.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var last = await CmsFactory.SignInAsync(factory.Client(), AdminSite.Base, "forgetful", "wrong-password-last");
        Assert.Equal(HttpStatusCode.BadRequest, last.StatusCode);
        Assert.Contains("This account is locked", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Now even the right password is refused, with how long the lock lasts and who can lift it.
        var right = await CmsFactory.SignInAsync(factory.Client(), AdminSite.Base, "forgetful", "the-right-password");
        var message = (await PublicSite.ParseAsync(await right.Content.ReadAsStringAsync(), "/login")).QuerySelector("[role=alert]")!.TextContent;
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.DoesNotContain(right.Headers.Where(h => h.Key == "Set-Cookie").SelectMany(h => h.Value), c => c.StartsWith(".cms.auth", StringComparison.Ordinal));
        Assert.Contains($"locked after {UserAccounts.MaxFailedAttempts} wrong passwords", message, StringComparison.Ordinal);
        Assert.Contains($"Try again in {UserAccounts.LockoutDuration.TotalMinutes} minutes", message, StringComparison.Ordinal);
        Assert.Contains("ask an administrator", message, StringComparison.Ordinal);

        var users = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/users");
        var row = users.QuerySelector("form[aria-label='Roles of forgetful']")!.Closest("tr")!;
        Assert.Contains("Locked out", row.TextContent, StringComparison.Ordinal);
        var id = row.QuerySelector("input[name=id]")!.GetAttribute("value")!;
        var reset = await AdminSite.PostFormAsync(admin, AdminSite.Base + "/admin/users", [new("id", id), new("password", "a-new-password-2")], "Password");
        Assert.Equal(HttpStatusCode.Found, reset.StatusCode);

        Assert.Equal(HttpStatusCode.Found, (await CmsFactory.SignInAsync(factory.Client(), AdminSite.Base, "forgetful", "a-new-password-2")).StatusCode);
        Assert.DoesNotContain("Locked out", (await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/users")).QuerySelector("form[aria-label='Roles of forgetful']")!.Closest("tr")!.TextContent, StringComparison.Ordinal);
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
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dataPath, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind does not change the verdict.
            }
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
