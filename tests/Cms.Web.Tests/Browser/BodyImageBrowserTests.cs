using Cms.Web.Tests.Support;
using Microsoft.Playwright;

namespace Cms.Web.Tests.Browser;

/// <summary>
/// Issue 14, item 2: the Markdown toolbar's Image button inserts an image from the practice's media library with its
/// description; the preview shows it, and once published the public page loads it under the prefix and under the host name.
/// </summary>
public sealed class BodyImageBrowserTests : IClassFixture<BrowserHost>
{
    private const string Editor = "/riverbend/admin/content/articlegrief00000000000001";
    private const string ArticlePath = "/articles/grief-doesnt-follow-a-schedule";
    private const string Alt = "Clouds passing over the river [at dusk]";

    private readonly BrowserHost _host;

    public BodyImageBrowserTests(BrowserHost host)
    {
        _host = host;
    }

    [SkippableFact]
    public async Task AnImageFromTheLibraryIsInsertedPreviewedAndShownOnThePublicPageUnderThePrefixAndTheHostName()
    {
        Skip.IfNot(BrowserHost.Available, "Chromium is not installed at " + BrowserHost.ChromiumPath);
        var admin = await _host.NewPageAsync();
        await BrowserHost.SignInAsync(admin, "/riverbend", CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await admin.GotoAsync(Editor);
        var body = admin.Locator("[data-markdown-editor] textarea").First;
        await body.FocusAsync();
        await body.PressAsync("Control+End");

        await admin.GetByRole(AriaRole.Button, new() { Name = "Image", Exact = true }).ClickAsync();
        var library = admin.GetByRole(AriaRole.Dialog, new() { Name = "Choose an image" });
        await library.GetByLabel("Filter by file name").FillAsync("clouds");
        await library.GetByRole(AriaRole.Button, new() { Name = "passing-clouds.png" }).ClickAsync();
        var describe = library.GetByLabel("Its description, for people who use screen readers");
        await Assertions.Expect(describe).ToBeFocusedAsync();
        await library.GetByRole(AriaRole.Button, new() { Name = "Insert image" }).ClickAsync();
        await Assertions.Expect(library.Locator(".media-describe")).ToContainTextAsync("Describe the image first");
        await describe.FillAsync(Alt);
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserHost.ScreenshotFolder, "editor-body-image.png") });
        await library.GetByRole(AriaRole.Button, new() { Name = "Insert image" }).ClickAsync();
        await Assertions.Expect(library).ToBeHiddenAsync();
        Assert.EndsWith(@"![Clouds passing over the river \[at dusk\]](/media/articles/passing-clouds.png)" + "\n", await body.InputValueAsync(), StringComparison.Ordinal);

        await admin.GetByRole(AriaRole.Button, new() { Name = "Preview", Exact = true }).First.ClickAsync();
        var previewed = admin.Locator($"[data-preview] img[alt='{Alt}']");
        await Assertions.Expect(previewed).ToHaveAttributeAsync("src", "/riverbend/media/articles/passing-clouds.png");
        await LoadsAsync(previewed, "in the preview");

        await admin.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync("Published.");

        var reader = await _host.NewPageAsync();
        await reader.GotoAsync("/riverbend" + ArticlePath);
        var shown = reader.Locator($"img[alt='{Alt}']");
        // The same file, with its version (item 6).
        await Assertions.Expect(shown).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex(@"^/riverbend/media/articles/passing-clouds\.png\?v=[0-9a-f]{16}$"));
        await LoadsAsync(shown, "on the public page under the prefix");
        Assert.Equal(200, await StatusAsync(reader, "/riverbend/media/articles/passing-clouds.png"));

        // Chromium resolves every *.localhost name to this machine, as the practice's own host name would be resolved.
        var byHost = _host.BaseUrl.Replace("//localhost", "//riverbend.localhost", StringComparison.Ordinal);
        await reader.GotoAsync(byHost + ArticlePath);
        var hosted = reader.Locator($"img[alt='{Alt}']");
        await Assertions.Expect(hosted).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex(@"^/media/articles/passing-clouds\.png\?v=[0-9a-f]{16}$"));
        await LoadsAsync(hosted, "on the public page under the host name");
        Assert.Equal(200, await StatusAsync(reader, "/media/articles/passing-clouds.png"));
    }

    // Asked by the page itself: Playwright's own requests do not resolve *.localhost as Chromium does.
    private static Task<int> StatusAsync(IPage page, string src) =>
        page.EvaluateAsync<int>("src => fetch(src, { cache: 'no-store' }).then(r => r.status)", src);

    private static async Task LoadsAsync(ILocator image, string where)
    {
        await image.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(image).ToBeVisibleAsync();
        var loaded = await image.EvaluateAsync<bool>("img => img.decode().then(() => img.naturalWidth > 0, () => false)");
        Assert.True(loaded, $"The image does not load {where}.");
    }
}
