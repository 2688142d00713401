using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cms.Web.Tests.Admin;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.ThreatModel;

/// <summary>
/// Issue 10, item 1: the walls around the admin on an origin it shares with every practice: a strict policy on
/// every admin response, sandboxed previews, antiforgery on cookie API calls, and a host cookie kept off practice paths.
/// </summary>
[Trait("Suite", "ThreatModel")]
public sealed class AdminOriginHardeningTests : IClassFixture<CmsFactory>
{
    private const string Password = "a-long-password-1";
    private const string DraftId = "hardeningdraft0000000001";
    private const string Riverbend = AdminSite.Base;

    private readonly CmsFactory _factory;

    public AdminOriginHardeningTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task EveryAdminResponseCarriesAStrictContentSecurityPolicy()
    {
        var anonymous = _factory.Client();
        var host = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword, "");
        var practice = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var author = await AuthorAsync(practice);
        var markdown = await practice.PostAsync(Riverbend + "/admin/preview/markdown", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["markdown"] = "Some *words*",
            ["__RequestVerificationToken"] = await AdminSite.AntiforgeryTokenAsync(practice, Riverbend + "/admin"),
        }));

        var responses = new List<(string What, HttpResponseMessage Response, HttpStatusCode Expected)>
        {
            ("host login page", await anonymous.GetAsync("/login"), HttpStatusCode.OK),
            ("practice login page", await anonymous.GetAsync(Riverbend + "/login"), HttpStatusCode.OK),
            ("a failed sign-in", await CmsFactory.SignInAsync(_factory.Client(), Riverbend, "nobody", "wrong-password"), HttpStatusCode.BadRequest),
            ("admin redirect to the login page", await anonymous.GetAsync(Riverbend + "/admin"), HttpStatusCode.Found),
            ("tenant API without credentials", await anonymous.GetAsync("/api/tenants"), HttpStatusCode.Unauthorized),
            ("host dashboard", await host.GetAsync("/admin"), HttpStatusCode.OK),
            ("host practices page", await host.GetAsync("/admin/practices"), HttpStatusCode.OK),
            ("tenant API list", await host.GetAsync("/api/tenants"), HttpStatusCode.OK),
            ("practice dashboard", await practice.GetAsync(Riverbend + "/admin"), HttpStatusCode.OK),
            ("article editor", await practice.GetAsync(Riverbend + "/admin/content/new/Article"), HttpStatusCode.OK),
            ("template editor", await practice.GetAsync(Riverbend + "/admin/templates/layout"), HttpStatusCode.OK),
            ("users page", await practice.GetAsync(Riverbend + "/admin/users"), HttpStatusCode.OK),
            ("content choices (JSON)", await practice.GetAsync(Riverbend + "/admin/content/choices?types=Article"), HttpStatusCode.OK),
            ("media library (JSON)", await practice.GetAsync(Riverbend + "/admin/media/library"), HttpStatusCode.OK),
            ("recipe export", await practice.GetAsync(Riverbend + "/api/recipes/export"), HttpStatusCode.OK),
            ("Markdown preview", markdown, HttpStatusCode.OK),
            ("missing item", await practice.GetAsync(Riverbend + "/admin/content/nosuchitem000000000000001"), HttpStatusCode.NotFound),
            ("403 page", await author.GetAsync(Riverbend + "/admin/users"), HttpStatusCode.Forbidden),
            ("403 from the API", await author.GetAsync(Riverbend + "/api/recipes/export"), HttpStatusCode.Forbidden),
        };

        foreach (var (what, response, expected) in responses)
        {
            Assert.True(response.StatusCode == expected, $"{what}: {(int)response.StatusCode}, expected {(int)expected}");
            var policy = Policy(response, what);
            Assert.Equal(["'none'"], policy["default-src"]);
            Assert.Equal(["'self'"], policy["script-src"]);
            Assert.Equal(["'none'"], policy["frame-ancestors"]);
            Assert.Equal(["'none'"], policy["base-uri"]);
            Assert.Equal(["'self'"], policy["form-action"]);
            Assert.DoesNotContain(policy.Values.SelectMany(v => v), source => source.StartsWith("'unsafe-", StringComparison.Ordinal) || source == "*");
            Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) && sniff.Single() == "nosniff", $"{what} lets the browser sniff its type");
            if (response.Content.Headers.ContentType?.MediaType == "text/html" && response.Content.Headers.ContentLength != 0)
            {
                await AssertRunsUnderThePolicyAsync(response, policy, what);
            }
        }
    }

    [Fact]
    public async Task BothPreviewsAreSandboxedUnderThePublicSitesPolicy()
    {
        await PublicSite.ImportAsync(_factory.Client(), Riverbend, PublicSite.ArticleRecipe(DraftId, "A Draft To Preview", "articles/a-draft-to-preview", published: false));
        var practice = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var site = Policy(await _factory.Client().GetAsync(PublicSite.Article1), "public article");

        var draft = await practice.GetAsync($"{Riverbend}/admin/content/{DraftId}/preview");
        var template = await AdminSite.PostFormAsync(practice, Riverbend + "/admin/templates/home", [new("Source", "<p>{{ Site.Articles.size }} articles</p>"), new("PreviewPath", "/")], "Preview");

        foreach (var (what, response) in new[] { ("draft preview", draft), ("template preview", template) })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var policy = Policy(response, what);
            Assert.True(policy.Remove("sandbox", out var allowed), $"The {what} is not sandboxed");
            Assert.Empty(allowed);
            Assert.Equal(site.OrderBy(d => d.Key).Select(d => $"{d.Key} {string.Join(' ', d.Value)}"), policy.OrderBy(d => d.Key).Select(d => $"{d.Key} {string.Join(' ', d.Value)}"));
        }
    }

    [Fact]
    public async Task ACookieSignedTenantApiCallChangesNothingWithoutTheAntiforgeryTokenAndWorksWithIt()
    {
        var host = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword, "");
        var key = KeyClient();
        Assert.Equal(HttpStatusCode.Created, (await key.PostAsJsonAsync("/api/tenants", new { name = "target", prefix = "target" })).StatusCode);
        var before = await key.GetStringAsync("/api/tenants");

        var refused = new[]
        {
            await host.PostAsJsonAsync("/api/tenants", new { name = "forged", prefix = "forged" }),
            await host.PutAsJsonAsync("/api/tenants/target", new { prefix = "moved" }),
            await host.PostAsync("/api/tenants/target/disable", null),
            await host.DeleteAsync("/api/tenants/target"),
        };

        foreach (var response in refused)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains("RequestVerificationToken", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await key.GetStringAsync("/api/tenants"));

        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/tenants") { Content = JsonContent.Create(new { name = "tokened", prefix = "tokened" }) };
        create.Headers.Add("RequestVerificationToken", await AdminSite.AntiforgeryTokenAsync(host, "/admin"));
        Assert.Equal(HttpStatusCode.Created, (await host.SendAsync(create)).StatusCode);
    }

    [Fact]
    public async Task ACookieSignedRecipeImportChangesNothingWithoutTheAntiforgeryTokenAndWorksWithIt()
    {
        var practice = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        const string Rename = """{ "name": "rename", "steps": [ { "name": "settings", "SiteName": "Forged Name" } ] }""";

        var refused = await practice.PostAsync(Riverbend + "/api/recipes", new StringContent(Rename, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("RequestVerificationToken", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Forged Name", await _factory.Client().GetStringAsync(Riverbend + "/"), StringComparison.Ordinal);

        using var dryRun = new HttpRequestMessage(HttpMethod.Post, Riverbend + "/api/recipes?dryRun=true") { Content = new StringContent(Rename, Encoding.UTF8, "application/json") };
        dryRun.Headers.Add("RequestVerificationToken", await AdminSite.AntiforgeryTokenAsync(practice, Riverbend + "/admin"));
        Assert.Equal(HttpStatusCode.OK, (await practice.SendAsync(dryRun)).StatusCode);
    }

    [Fact]
    public async Task TheAdminsOwnScriptCallsAreRefusedWithoutTheToken()
    {
        var practice = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var editor = Riverbend + "/admin/content/articlegrief00000000000001";
        var fields = await AdminSite.FormFieldsAsync(practice, editor);

        var markdown = await practice.PostAsync(Riverbend + "/admin/preview/markdown", new FormUrlEncodedContent(new Dictionary<string, string> { ["markdown"] = "*hi*" }));
        var autosave = await practice.PostAsync(editor + "?handler=Autosave", new FormUrlEncodedContent(fields.With("MarkdownBodyPart.Markdown", "Forged autosave.")));

        Assert.Equal(HttpStatusCode.BadRequest, markdown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, autosave.StatusCode);
        Assert.DoesNotContain("Forged autosave.", await practice.GetStringAsync(editor), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnApiKeyCallNeedsNoAntiforgeryToken()
    {
        var key = KeyClient();

        var created = await key.PostAsJsonAsync("/api/tenants", new { name = "keyed", prefix = "keyed" });
        var imported = await key.PostAsync(Riverbend + "/api/recipes?dryRun=true", new StringContent("""{ "name": "n", "steps": [] }""", Encoding.UTF8, "application/json"));
        var removed = await key.DeleteAsync("/api/tenants/keyed");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
    }

    [Fact]
    public async Task TheHostsSignInCookieIsIssuedOnlyForTheHostsOwnPaths()
    {
        var host = _factory.Client();
        var signIn = await CmsFactory.SignInAsync(host, "", CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var practice = await CmsFactory.SignInAsync(_factory.Client(), Riverbend, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var issued = Cookies(signIn, ".cms.auth.default");
        Assert.Equal(["/admin", "/api", "/logout"], issued.Where(c => c.Live).Select(c => c.Path).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(issued, c => c.Live && (Riverbend + "/admin/").StartsWith(c.Path.TrimEnd('/') + "/", StringComparison.Ordinal));
        Assert.Equal([Riverbend], Cookies(practice, ".cms.auth.riverbend").Where(c => c.Live).Select(c => c.Path));

        // The host still works everywhere it needs the cookie, and signing out removes it from every path.
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync("/api/tenants")).StatusCode);
        var signOut = await host.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await AdminSite.AntiforgeryTokenAsync(host, "/admin") }));
        Assert.Equal(HttpStatusCode.Found, signOut.StatusCode);
        Assert.Equal(["/", "/admin", "/api", "/logout"], Cookies(signOut, ".cms.auth.default").Where(c => !c.Live).Select(c => c.Path).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Found, (await host.GetAsync("/admin")).StatusCode);
    }

    // Everything the page would run or style inline is allowed by the policy: no inline script or handler, no style
    // attribute, and every style element by its hash.
    private static async Task AssertRunsUnderThePolicyAsync(HttpResponseMessage response, Dictionary<string, string[]> policy, string what)
    {
        var page = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), "/");
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
        Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(page.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        foreach (var style in page.QuerySelectorAll("style"))
        {
            var hash = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style.TextContent)))}'";
            Assert.True(policy["style-src"].Contains(hash), $"The style element of the {what} is not allowed by its policy ({hash})");
        }
    }

    private static Dictionary<string, string[]> Policy(HttpResponseMessage response, string what)
    {
        Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var values), $"The {what} ({(int)response.StatusCode}) has no Content-Security-Policy");
        return Assert.Single(values).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..], StringComparer.Ordinal);
    }

    private static List<(string Path, bool Live)> Cookies(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';', StringSplitOptions.TrimEntries))
                .Where(parts => parts[0].StartsWith(name + "=", StringComparison.Ordinal))
                .Select(parts => (
                    Path: parts.FirstOrDefault(p => p.StartsWith("path=", StringComparison.OrdinalIgnoreCase))?["path=".Length..] ?? "",
                    Live: !parts.Any(p => p.StartsWith("expires=", StringComparison.OrdinalIgnoreCase) && DateTimeOffset.Parse(p["expires=".Length..], System.Globalization.CultureInfo.InvariantCulture) < DateTimeOffset.UtcNow)))
                .ToList()
            : [];

    private async Task<HttpClient> AuthorAsync(HttpClient admin)
    {
        if (!(await admin.GetStringAsync(Riverbend + "/admin/users")).Contains("hardening-author", StringComparison.Ordinal))
        {
            await AdminSite.AddUserAsync(admin, "hardening-author", Password, "Author");
        }

        return await AdminSite.SignInAsync(_factory, "hardening-author", Password);
    }

    private HttpClient KeyClient()
    {
        var client = _factory.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", CmsFactory.ApiKey);
        return client;
    }
}
