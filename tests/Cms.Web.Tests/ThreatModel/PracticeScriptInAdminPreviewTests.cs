using System.Net;
using Cms.Web.Tests.Browser;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;
using Microsoft.Playwright;

namespace Cms.Web.Tests.ThreatModel;

/// <summary>Issue 10, item 1: a practice's template script opened in an admin preview cannot act with the host administrator's rights.</summary>
[Trait("Suite", "ThreatModel")]
public sealed class PracticeScriptInAdminPreviewTests : IClassFixture<BrowserHost>
{
    private const string DraftId = "attackdraft0000000000001";

    // What the practice administrator put in the layout: create a tenant with whatever cookies the browser sends.
    private const string Attack = """
        <script>
        document.documentElement.dataset.attackRan = window.origin;
        fetch('/api/tenants', { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ name: 'pwned-' + (location.pathname.includes('/templates/') ? 'template' : 'draft'), prefix: 'pwned-' + Date.now() }) })
          .then(r => { document.documentElement.dataset.attackStatus = String(r.status); });
        </script>
        """;

    private readonly BrowserHost _host;

    public PracticeScriptInAdminPreviewTests(BrowserHost host)
    {
        _host = host;
    }

    [SkippableFact]
    public async Task APracticeLayoutScriptInTheDraftAndTemplatePreviewsCannotCreateATenantWithTheHostAdministratorsCookie()
    {
        Skip.IfNot(BrowserHost.Available, "Chromium is not installed at " + BrowserHost.ChromiumPath);
        await PublicSite.ImportAsync(_host.Factory.CreateClient(), PublicSite.Base, PublicSite.ArticleRecipe(DraftId, "An Unpublished Thought", "articles/an-unpublished-thought", published: false));

        // One browser, signed in to the host's admin and to the practice's admin, as an operator who also runs a practice.
        var page = await _host.NewPageAsync();
        var refusedByPolicy = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refusedByPolicy.Add($"{page.Url}: {message.Text}");
            }
        };
        await BrowserHost.SignInAsync(page, "", CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await BrowserHost.SignInAsync(page, PublicSite.Base, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var tenantApiCalls = new List<string>();
        page.Context.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/tenants", StringComparison.Ordinal))
            {
                tenantApiCalls.Add($"{request.Method} {request.Url} from {request.Frame.Url}");
            }
        };

        // The practice administrator's layout override, saved through the admin.
        await page.GotoAsync(PublicSite.Base + "/admin/templates/layout");
        var source = page.Locator("textarea#source");
        var layout = await source.InputValueAsync();
        await source.FillAsync(layout.Replace("</head>", Attack + "\n</head>", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Saved.");

        // The draft's preview, opened from its editor, whose own script works under the admin's policy (the Markdown preview posts with the token).
        await page.GotoAsync($"{PublicSite.Base}/admin/content/{DraftId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-preview]")).ToContainTextAsync("Some words about An Unpublished Thought.");
        var draft = await page.Context.RunAndWaitForPageAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Preview (new tab)" }).ClickAsync());
        await AssertScriptHadNoHostRightsAsync(draft, "pwned-draft", "An Unpublished Thought", tenantApiCalls);

        // The template's preview, opened from the template editor.
        await page.GotoAsync(PublicSite.Base + "/admin/templates/layout");
        var template = await page.Context.RunAndWaitForPageAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Preview (new tab)" }).ClickAsync());
        await AssertScriptHadNoHostRightsAsync(template, "pwned-template", "Riverbend Counseling", tenantApiCalls);

        // The host's sign-in cookie is not even sent to the practice's addresses.
        var practiceCookies = await page.Context.CookiesAsync([_host.BaseUrl + PublicSite.Base + "/admin/templates/layout"]);
        var hostCookies = await page.Context.CookiesAsync([_host.BaseUrl + "/api/tenants"]);
        Assert.DoesNotContain(practiceCookies, c => c.Name.StartsWith(".cms.auth.default", StringComparison.Ordinal));
        Assert.Contains(practiceCookies, c => c.Name.StartsWith(".cms.auth.riverbend", StringComparison.Ordinal));
        Assert.Contains(hostCookies, c => c.Name.StartsWith(".cms.auth.default", StringComparison.Ordinal));

        // The admin's pages themselves did nothing the policy refuses.
        Assert.Empty(refusedByPolicy);
    }

    private async Task AssertScriptHadNoHostRightsAsync(IPage preview, string tenant, string title, List<string> tenantApiCalls)
    {
        await preview.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // The preview still shows the page as the public site will, with the theme's stylesheet.
        await Assertions.Expect(preview).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^" + title));
        Assert.Equal("flex", await preview.Locator(".header-inner").EvaluateAsync<string>("e => getComputedStyle(e).display"));

        // The practice's script did not run, so it made no request; and no tenant came of it.
        var answer = await preview.EvaluateAsync<string?>("() => document.documentElement.dataset.attackStatus ?? null");
        Assert.True(await TenantStatusAsync(tenant) == HttpStatusCode.NotFound, $"The script in {preview.Url} created tenant '{tenant}' (POST /api/tenants answered {answer}).");
        Assert.Null(await preview.EvaluateAsync<string?>("() => document.documentElement.dataset.attackRan ?? null"));
        Assert.Empty(tenantApiCalls);

        // Had a script run there anyway, it would have had no origin of its own: no cookies, and the POST creates nothing.
        var probe = await preview.EvaluateAsync<System.Text.Json.JsonElement>("""
            async (name) => {
              let cookies = 'readable';
              try { void document.cookie; } catch { cookies = 'denied'; }
              let status = 'blocked';
              try {
                const response = await fetch('/api/tenants', { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' },
                  body: JSON.stringify({ name, prefix: name }) });
                status = String(response.status);
              } catch { }
              return { origin: window.origin, cookies, status };
            }
            """, tenant + "-probe");
        Assert.Equal("null", probe.GetProperty("origin").GetString());
        Assert.Equal("denied", probe.GetProperty("cookies").GetString());
        Assert.Equal(HttpStatusCode.NotFound, await TenantStatusAsync(tenant + "-probe"));
        tenantApiCalls.Clear();
    }

    private async Task<HttpStatusCode> TenantStatusAsync(string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tenants/" + name);
        request.Headers.Add("X-Api-Key", CmsFactory.ApiKey);
        using var response = await _host.Factory.CreateClient().SendAsync(request);
        return response.StatusCode;
    }
}
