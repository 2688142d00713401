using System.Net;
using Cms.Web.Tests.Admin;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.ThreatModel;

/// <summary>
/// Issue 10, item 5: sign-in is throttled by client address and by user name, and no one can use that to keep
/// the real user out: failures count per user name and address, and a browser that signed in before is not held off.
/// </summary>
[Trait("Suite", "ThreatModel")]
public sealed class SignInThrottleTests
{
    [Fact]
    public async Task ManyAttemptsFromOneAddressAreAnswered429WithHowLongToWaitWhileOtherAddressesAreServed()
    {
        using var factory = new CmsFactory();
        using var host = SignInHost.Create(factory);
        var busy = SignInHost.Client(host, "203.0.113.30");

        // A different name each time: the address is limited however the names are spread.
        var (answers, _) = await SprayUntilRefusedAsync(busy);
        using var refused = await CmsFactory.SignInAsync(busy, AdminSite.Base, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var message = (await PublicSite.ParseAsync(await refused.Content.ReadAsStringAsync(), "/login")).QuerySelector("[role=alert]")?.TextContent ?? "";

        Assert.True(answers.Count >= 10, $"refused after {answers.Count} attempts");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        Assert.Matches("Too many sign-in attempts from your network. Try again in [0-9]+ seconds?.", message);
        Assert.DoesNotContain(refused.Headers.Where(h => h.Key == "Set-Cookie").SelectMany(h => h.Value), c => c.StartsWith(".cms.auth", StringComparison.Ordinal));

        using var elsewhere = await CmsFactory.SignInAsync(SignInHost.Client(host, "203.0.113.31"), AdminSite.Base, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Found, elsewhere.StatusCode);
    }

    [Fact]
    public async Task AnAttackersWrongPasswordsFromOneAddressDoNotKeepTheRealUserOutFromAnother()
    {
        using var factory = new CmsFactory();
        using var host = SignInHost.Create(factory);
        var attacker = SignInHost.Client(host, "203.0.113.40");

        var answers = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 8; attempt++)
        {
            using var response = await CmsFactory.SignInAsync(attacker, AdminSite.Base, CmsFactory.AdminUser, $"guess-{attempt}-password");
            answers.Add(response.StatusCode);
        }

        using var rightPasswordFromAttacker = await CmsFactory.SignInAsync(attacker, AdminSite.Base, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var message = (await PublicSite.ParseAsync(await rightPasswordFromAttacker.Content.ReadAsStringAsync(), "/login")).QuerySelector("[role=alert]")!.TextContent;
        using var realUser = await CmsFactory.SignInAsync(SignInHost.Client(host, "198.51.100.40"), AdminSite.Base, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.BadRequest, 5), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)], answers);
        Assert.Equal(HttpStatusCode.TooManyRequests, rightPasswordFromAttacker.StatusCode);
        Assert.Matches("5 wrong passwords for this user name from your network. Try again in [0-9]+ minutes?", message);
        Assert.Equal(HttpStatusCode.Found, realUser.StatusCode);
    }

    [Fact]
    public async Task ManyAddressesGuessingOneNameHoldOffNewBrowsersButNotOneThatSignedInAsItBefore()
    {
        using var factory = new CmsFactory();
        using var host = SignInHost.Create(factory);
        var usual = SignInHost.Client(host, "198.51.100.50");
        Assert.Equal(HttpStatusCode.Found, (await CmsFactory.SignInAsync(usual, AdminSite.Base, CmsFactory.AdminUser, CmsFactory.AdminPassword)).StatusCode);

        for (var address = 1; address <= 6; address++)
        {
            var bot = SignInHost.Client(host, $"203.0.113.{100 + address}");
            for (var attempt = 1; attempt <= 4; attempt++)
            {
                using var _ = await CmsFactory.SignInAsync(bot, AdminSite.Base, CmsFactory.AdminUser, $"guess-{address}-{attempt}-password");
            }
        }

        using var newBrowser = await CmsFactory.SignInAsync(SignInHost.Client(host, "198.51.100.51"), AdminSite.Base, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var message = (await PublicSite.ParseAsync(await newBrowser.Content.ReadAsStringAsync(), "/login")).QuerySelector("[role=alert]")!.TextContent;

        Assert.Equal(HttpStatusCode.TooManyRequests, newBrowser.StatusCode);
        Assert.Contains("from a browser where you signed in before", message, StringComparison.Ordinal);

        // The usual browser, even on another network now, is not held off.
        usual.DefaultRequestHeaders.Remove(SignInHost.ClientAddressHeader);
        usual.DefaultRequestHeaders.Add(SignInHost.ClientAddressHeader, "192.0.2.50");
        Assert.Equal(HttpStatusCode.Found, (await CmsFactory.SignInAsync(usual, AdminSite.Base, CmsFactory.AdminUser, CmsFactory.AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task ANewPasswordFromAnAdministratorLiftsTheHoldOnAUserWhoForgotTheirs()
    {
        using var factory = new CmsFactory();
        using var host = SignInHost.Create(factory);
        var admin = SignInHost.Client(host, "198.51.100.60");
        Assert.Equal(HttpStatusCode.Found, (await CmsFactory.SignInAsync(admin, AdminSite.Base, CmsFactory.AdminUser, CmsFactory.AdminPassword)).StatusCode);
        await AdminSite.AddUserAsync(admin, "forgetful", "the-right-password", "Editor");
        var forgetful = SignInHost.Client(host, "192.0.2.60");

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await CmsFactory.SignInAsync(forgetful, AdminSite.Base, "forgetful", $"wrong-password-{attempt}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await CmsFactory.SignInAsync(forgetful, AdminSite.Base, "forgetful", "the-right-password")).StatusCode);

        var users = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/users");
        var id = users.QuerySelector("form[aria-label='Roles of forgetful'] input[name=id]")!.GetAttribute("value")!;
        var reset = await AdminSite.PostFormAsync(admin, AdminSite.Base + "/admin/users", [new("id", id), new("password", "a-new-password-2")], "Password");
        Assert.Equal(HttpStatusCode.Found, reset.StatusCode);

        Assert.Equal(HttpStatusCode.Found, (await CmsFactory.SignInAsync(forgetful, AdminSite.Base, "forgetful", "a-new-password-2")).StatusCode);
    }

    [Fact]
    public async Task BehindATrustedProxyEachClientIsCountedByTheAddressTheProxyForwards()
    {
        using var factory = new CmsFactory();
        using var host = SignInHost.Create(factory, settings: new() { ["Cms:TrustedProxies:0"] = "10.0.0.0/24" });
        var busy = SignInHost.Client(host, "10.0.0.7");
        busy.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.70");
        var other = SignInHost.Client(host, "10.0.0.7");
        other.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.71");

        var (answers, refused) = await SprayUntilRefusedAsync(busy);

        Assert.True(answers.Count >= 10, $"refused after {answers.Count} attempts");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await CmsFactory.SignInAsync(other, AdminSite.Base, CmsFactory.AdminUser, CmsFactory.AdminPassword)).StatusCode);
    }

    [Fact]
    public async Task AForwardedAddressIsIgnoredUnlessItComesFromATrustedProxy()
    {
        using var factory = new CmsFactory();
        using var host = SignInHost.Create(factory, settings: new() { ["Cms:TrustedProxies:0"] = "10.0.0.0/24" });
        var client = SignInHost.Client(host, "203.0.113.90");

        // A client claiming to be someone new each time is still the one address it comes from.
        var (answers, refused) = await SprayUntilRefusedAsync(client, attempt =>
        {
            client.DefaultRequestHeaders.Remove("X-Forwarded-For");
            client.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{attempt}");
        });

        Assert.True(answers.Count >= 10, $"refused after {answers.Count} attempts");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    // An address may try 10 times at once and gets one more try every 6 s: on a slow machine ten attempts can take long
    // enough to earn an eleventh, so an address is tried until it is refused (within 30 attempts) rather than exactly 11 times.
    private static async Task<(List<HttpStatusCode> Answers, HttpResponseMessage Refused)> SprayUntilRefusedAsync(HttpClient client, Action<int>? before = null)
    {
        var answers = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 30; attempt++)
        {
            before?.Invoke(attempt);
            var response = await CmsFactory.SignInAsync(client, AdminSite.Base, $"sprayed-{attempt}", "some-password-1");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return (answers, response);
            }

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            answers.Add(response.StatusCode);
            response.Dispose();
        }

        throw new Xunit.Sdk.XunitException("30 sign-in attempts from one address were never refused.");
    }
}
