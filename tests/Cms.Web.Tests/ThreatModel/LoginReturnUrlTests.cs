using System.Net;
using Cms.Web.Tests.Admin;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.ThreatModel;

/// <summary>Issue 10, item 7: a returnUrl with control characters is treated as not local, never answered with a 500.</summary>
[Trait("Suite", "ThreatModel")]
public sealed class LoginReturnUrlTests : IClassFixture<CmsFactory>
{
    private readonly CmsFactory _factory;

    public LoginReturnUrlTests(CmsFactory factory)
    {
        _factory = factory;
    }

    public static TheoryData<string> Unsafe => new() { "/admin\r\nX", "/\u0000", "/admin\nSet-Cookie: x=1", "/\t/evil.example", "/\u007f", "/\u0085admin" };

    // ASP.NET Core's form reader itself refuses a NUL anywhere in a posted form (400), before the endpoint runs.
    public static TheoryData<string> UnsafeInAForm => new() { "/admin\r\nX", "/admin\nSet-Cookie: x=1", "/\t/evil.example", "/\u007f", "/\u0085admin" };

    [Theory]
    [MemberData(nameof(Unsafe))]
    public async Task TheSignInPageIgnoresAReturnUrlWithControlCharacters(string returnUrl)
    {
        using var response = await _factory.Client().GetAsync($"{AdminSite.Base}/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var page = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), "/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", page.QuerySelector("input[name=returnUrl]")!.GetAttribute("value"));
    }

    [Theory]
    [MemberData(nameof(UnsafeInAForm))]
    public async Task ASignInWithAReturnUrlWithControlCharactersGoesToTheAdmin(string returnUrl)
    {
        using var response = await SignInAsync(_factory.Client(), returnUrl);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(AdminSite.Base + "/admin", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ASignInWithANulInItsReturnUrlIsRefusedAsABadRequestNotAServerError()
    {
        using var response = await SignInAsync(_factory.Client(), "/\u0000");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.Where(h => h.Key == "Set-Cookie").SelectMany(h => h.Value), c => c.StartsWith(".cms.auth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ALocalReturnUrlIsStillFollowed()
    {
        using var response = await SignInAsync(_factory.Client(), AdminSite.Base + "/admin/content?type=Article");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(AdminSite.Base + "/admin/content?type=Article", response.Headers.Location?.OriginalString);
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string returnUrl)
    {
        var form = await PublicSite.PageAsync(client, AdminSite.Base + "/login");
        return await client.PostAsync(AdminSite.Base + "/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["userName"] = CmsFactory.AdminUser,
            ["password"] = CmsFactory.AdminPassword,
            ["returnUrl"] = returnUrl,
        }));
    }
}
