using Cms.Web.Tests.Support;
using Microsoft.Playwright;

namespace Cms.Web.Tests.Browser;

/// <summary>Issue 14, item 7: the media page fits a phone's 390 px and a desktop's 1280 px, with a screenshot of each.</summary>
public sealed class MediaPageBrowserTests : IClassFixture<BrowserHost>
{
    private readonly BrowserHost _host;

    public MediaPageBrowserTests(BrowserHost host)
    {
        _host = host;
    }

    [SkippableFact]
    public async Task TheMediaPageFitsAPhoneAndADesktop()
    {
        Skip.IfNot(BrowserHost.Available, "Chromium is not installed at " + BrowserHost.ChromiumPath);
        var page = await _host.NewPageAsync();
        await BrowserHost.SignInAsync(page, "/riverbend", CmsFactory.AdminUser, CmsFactory.AdminPassword);

        foreach (var width in new[] { 390, 1280 })
        {
            await page.SetViewportSizeAsync(width, 844);
            var response = await page.GotoAsync("/riverbend/admin/media");
            Assert.True(response?.Ok, $"/riverbend/admin/media: {response?.Status}");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await BrowserHost.ScreenshotAsync(page, $"media-{width}");

            Assert.Equal(5, await page.Locator(".media-card").CountAsync());
            Assert.True(await page.Locator(".media-card img").First.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The first thumbnail did not load");
            Assert.Equal("", await OverflowAsync(page));
        }
    }

    // The page's width past the viewport, and the last few elements that stick out, or "" when it fits (as PhoneWidthBrowserTests checks).
    private static Task<string> OverflowAsync(IPage page) => page.EvaluateAsync<string>("""
        () => document.documentElement.scrollWidth <= window.innerWidth ? '' :
          document.documentElement.scrollWidth + ' px: ' + [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
            .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '')).slice(-4).join(', ')
        """);
}
