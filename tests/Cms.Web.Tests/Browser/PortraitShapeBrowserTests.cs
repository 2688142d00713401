using Microsoft.Playwright;

namespace Cms.Web.Tests.Browser;

/// <summary>
/// Issue 14, item 6, in Chromium at 1280 and 390 px: a portrait shown in a square (the author box under an article, the
/// counselors' cards, a counselor's profile) is a square box with the photo cropped to it (object-fit: cover), not a
/// photo stretched into an oval, and its width and height are set on the &lt;img&gt; so the page does not jump.
/// </summary>
public sealed class PortraitShapeBrowserTests : IClassFixture<BrowserHost>
{
    private readonly BrowserHost _host;

    public PortraitShapeBrowserTests(BrowserHost host)
    {
        _host = host;
    }

    [SkippableTheory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task EveryPortraitIsASquareCropOfItsPhoto(int width)
    {
        Skip.IfNot(BrowserHost.Available, "Chromium is not installed at " + BrowserHost.ChromiumPath);
        var page = await _host.NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        var problems = new List<string>();

        await page.GotoAsync("/riverbend/articles/grief-doesnt-follow-a-schedule");
        await CheckAsync(page, ".author-box .portrait", problems);
        var profile = await page.Locator(".author-box .author-name a").GetAttributeAsync("href");
        await page.GotoAsync("/riverbend/counselors");
        await CheckAsync(page, ".counselor-card .portrait", problems);
        await page.GotoAsync(profile!);
        await CheckAsync(page, ".portrait-large", problems);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task CheckAsync(IPage page, string selector, List<string> problems)
    {
        var portraits = page.Locator(selector);
        Assert.True(await portraits.CountAsync() > 0, $"no {selector} on {page.Url}");
        for (var i = 0; i < await portraits.CountAsync(); i++)
        {
            var portrait = portraits.Nth(i);
            await portrait.ScrollIntoViewIfNeededAsync();
            await Assertions.Expect(portrait).ToHaveJSPropertyAsync("complete", true);
            var box = (await portrait.BoundingBoxAsync())!;
            var fit = await portrait.EvaluateAsync<string>("img => getComputedStyle(img).objectFit");
            var (naturalWidth, naturalHeight) = (await portrait.EvaluateAsync<int>("img => img.naturalWidth"), await portrait.EvaluateAsync<int>("img => img.naturalHeight"));
            var where = $"{selector} #{i} on {page.Url}";
            if (Math.Abs(box.Width - box.Height) > 1)
            {
                problems.Add($"{where} is {box.Width} × {box.Height} px, not a square");
            }

            if (fit != "cover" && naturalWidth != naturalHeight)
            {
                problems.Add($"{where}: a {naturalWidth} × {naturalHeight} photo drawn with object-fit {fit}, so stretched");
            }

            if (await portrait.GetAttributeAsync("width") is null || await portrait.GetAttributeAsync("height") is null)
            {
                problems.Add($"{where} has no width and height attributes");
            }
        }
    }
}
