using System.Net;
using System.Text.RegularExpressions;
using Cms.Web.Tests.Admin;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.ThreatModel;

/// <summary>
/// Issue 10, item 6: a session ends for good when it signs out, and every session of a user ends when their
/// password or roles change or they sign out everywhere; a copied cookie is then worthless.
/// </summary>
[Trait("Suite", "ThreatModel")]
public sealed partial class SessionRevocationTests
{
    private const string Password = "a-long-password-1";
    private const string Admin = AdminSite.Base + "/admin";

    [Fact]
    public async Task ACopiedCookieStopsWorkingOnceItsSessionSignsOut()
    {
        using var factory = new CmsFactory();
        var (browser, copy) = await SignInWithCopyAsync(factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var otherSession = await AdminSite.SignInAsync(factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync(Admin)).StatusCode);

        using var logout = await AdminSite.SignOutAsync(browser);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        await AssertSignedOutAsync(copy);
        await AssertSignedOutAsync(browser);
        Assert.Equal(HttpStatusCode.OK, (await otherSession.GetAsync(Admin)).StatusCode);
    }

    [Fact]
    public async Task ALogoutWithoutItsAntiforgeryTokenIsRefusedAndEndsNothing()
    {
        using var factory = new CmsFactory();
        var (browser, copy) = await SignInWithCopyAsync(factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        using var forged = await browser.PostAsync(AdminSite.Base + "/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain(forged.Headers.Where(h => h.Key == "Set-Cookie").SelectMany(h => h.Value), c => c.StartsWith(".cms.auth", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Admin)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync(Admin)).StatusCode);
    }

    [Fact]
    public async Task ANewPasswordSetByAnAdministratorEndsEverySessionOfThatUser()
    {
        using var factory = new CmsFactory();
        var admin = await AdminSite.SignInAsync(factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await AdminSite.AddUserAsync(admin, "reset-me", Password, "Editor");
        var (browser, copy) = await SignInWithCopyAsync(factory, "reset-me", Password);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync(Admin)).StatusCode);

        var reset = await AdminSite.PostFormAsync(admin, Admin + "/users", [new("id", await UserIdAsync(admin, "reset-me")), new("password", "a-fresh-password-2")], "Password");

        Assert.Equal(HttpStatusCode.Found, reset.StatusCode);
        await AssertSignedOutAsync(copy);
        await AssertSignedOutAsync(browser);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Admin)).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await CmsFactory.SignInAsync(factory.Client(), AdminSite.Base, "reset-me", "a-fresh-password-2")).StatusCode);
    }

    [Fact]
    public async Task ARoleChangeEndsEverySessionOfThatUser()
    {
        using var factory = new CmsFactory();
        var admin = await AdminSite.SignInAsync(factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await AdminSite.AddUserAsync(admin, "promoted", Password, "Author");
        var (browser, copy) = await SignInWithCopyAsync(factory, "promoted", Password);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync(Admin)).StatusCode);

        var saved = await AdminSite.PostFormAsync(admin, Admin + "/users", [new("id", await UserIdAsync(admin, "promoted")), new("roles", "Editor"), new("enabled", "true")], "Save");

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        await AssertSignedOutAsync(copy);
        await AssertSignedOutAsync(browser);
    }

    [Fact]
    public async Task SigningOutEverywhereEndsEverySessionOfThatUserAndNoOneElses()
    {
        using var factory = new CmsFactory();
        var admin = await AdminSite.SignInAsync(factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await AdminSite.AddUserAsync(admin, "two-devices", Password, "Editor");
        var (laptop, copy) = await SignInWithCopyAsync(factory, "two-devices", Password);
        var phone = await AdminSite.SignInAsync(factory, "two-devices", Password);

        using var everywhere = await AdminSite.SignOutAsync(laptop, everywhere: true);

        Assert.Equal(HttpStatusCode.Redirect, everywhere.StatusCode);
        await AssertSignedOutAsync(laptop);
        await AssertSignedOutAsync(copy);
        await AssertSignedOutAsync(phone);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Admin)).StatusCode);
    }

    [Fact]
    public async Task AnAdministratorSignsAUserOutEverywhereFromTheUsersPage()
    {
        using var factory = new CmsFactory();
        var admin = await AdminSite.SignInAsync(factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await AdminSite.AddUserAsync(admin, "lost-phone", Password, "Author");
        var (browser, copy) = await SignInWithCopyAsync(factory, "lost-phone", Password);

        var signedOut = await AdminSite.PostFormAsync(admin, Admin + "/users", [new("id", await UserIdAsync(admin, "lost-phone"))], "SignOut");

        Assert.Equal(HttpStatusCode.Found, signedOut.StatusCode);
        Assert.Contains("signed out everywhere", await admin.GetStringAsync(signedOut.Headers.Location!.OriginalString), StringComparison.Ordinal);
        await AssertSignedOutAsync(copy);
        await AssertSignedOutAsync(browser);
        Assert.Equal(HttpStatusCode.Found, (await CmsFactory.SignInAsync(factory.Client(), AdminSite.Base, "lost-phone", Password)).StatusCode);
    }

    [Fact]
    public async Task AnAdministratorWhoSetsTheirOwnPasswordStaysSignedInWhileTheirOtherSessionsEnd()
    {
        using var factory = new CmsFactory();
        var (admin, copy) = await SignInWithCopyAsync(factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var reset = await AdminSite.PostFormAsync(admin, Admin + "/users", [new("id", await UserIdAsync(admin, CmsFactory.AdminUser)), new("password", "my-own-new-password")], "Password");

        Assert.Equal(HttpStatusCode.Found, reset.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(Admin)).StatusCode);
        await AssertSignedOutAsync(copy);
    }

    /// <summary>A signed-in browser, and a second client holding only a copy of its sign-in cookie.</summary>
    private static async Task<(HttpClient Browser, HttpClient Copy)> SignInWithCopyAsync(CmsFactory factory, string userName, string password)
    {
        var browser = factory.Client();
        using var signIn = await CmsFactory.SignInAsync(browser, AdminSite.Base, userName, password);
        Assert.Equal(HttpStatusCode.Found, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".cms.auth.riverbend=", StringComparison.Ordinal)).Split(';')[0];
        var copy = factory.CreateDefaultClient();
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        return (browser, copy);
    }

    private static async Task AssertSignedOutAsync(HttpClient client)
    {
        using var page = await client.GetAsync(Admin);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Matches(LoginAddress(), page.Headers.Location!.ToString());
        using var api = await client.GetAsync(AdminSite.Base + "/api/recipes/export");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    private static async Task<string> UserIdAsync(HttpClient admin, string userName) =>
        (await PublicSite.PageAsync(admin, Admin + "/users")).QuerySelector($"form[aria-label='Roles of {userName}'] input[name=id]")!.GetAttribute("value")!;

    [GeneratedRegex("^(http://localhost)?/riverbend/login")]
    private static partial Regex LoginAddress();
}
