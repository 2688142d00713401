using Cms.Web.Tests.Support;
using Microsoft.Playwright;

namespace Cms.Web.Tests.Browser;

/// <summary>
/// Issue 14, item 5: every admin page fits a phone's 390 px (nothing scrolls sideways but a wide table inside its own
/// box), the practice's and the host's, with a screenshot of each at 390 and at 1280 px.
/// </summary>
public sealed class PhoneWidthBrowserTests : IClassFixture<BrowserHost>
{
    private static readonly string[] s_practicePages =
    [
        "", "/content", "/content?type=Series", "/content/new/Article", "/content/counselordanawhitfield0001",
        "/content/articletherapypart10000001/history", "/series/serieswhatyoushouldknow001/parts", "/menus/practicemainmenu0000000001",
        "/settings", "/templates", "/templates/home", "/types", "/types/Counselor", "/users", "/roles", "/features", "/import", "/export", "/media",
    ];

    private readonly BrowserHost _host;

    public PhoneWidthBrowserTests(BrowserHost host)
    {
        _host = host;
    }

    [SkippableFact]
    public async Task EveryAdminPageFitsAPhonesWidth()
    {
        Skip.IfNot(BrowserHost.Available, "Chromium is not installed at " + BrowserHost.ChromiumPath);
        var admin = await _host.NewPageAsync();
        await BrowserHost.SignInAsync(admin, "/riverbend", CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var host = await _host.NewPageAsync();
        await BrowserHost.SignInAsync(host, "", CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var wider = new List<string>();
        foreach (var (page, path) in s_practicePages.Select(p => (admin, "/riverbend/admin" + p)).Append((host, "/admin/practices")))
        {
            await page.SetViewportSizeAsync(1280, 900);
            var response = await page.GotoAsync(path);
            Assert.True(response?.Ok, $"{path}: {response?.Status}");
            await BrowserHost.ScreenshotAsync(page, "wide" + Name(path));
            await page.SetViewportSizeAsync(390, 844);
            await page.ReloadAsync();
            await BrowserHost.ScreenshotAsync(page, "phone" + Name(path));
            if (await OverflowAsync(page) is { Length: > 0 } overflow)
            {
                wider.Add($"{path}: {overflow}");
            }
        }

        Assert.True(wider.Count == 0, "Wider than a phone's 390 px:\n" + string.Join("\n", wider));
    }

    // The page's width past the viewport, and the last few elements that stick out (what to fix), or "" when it fits.
    private static Task<string> OverflowAsync(IPage page) => page.EvaluateAsync<string>("""
        () => document.documentElement.scrollWidth <= window.innerWidth ? '' :
          document.documentElement.scrollWidth + ' px: ' + [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
            .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '')).slice(-4).join(', ')
        """);

    private static string Name(string path) => path.Replace("/riverbend/admin", "", StringComparison.Ordinal).Replace('/', '-').Replace('?', '-').Replace('=', '-') is { Length: > 0 } name ? name : "-dashboard";
}
