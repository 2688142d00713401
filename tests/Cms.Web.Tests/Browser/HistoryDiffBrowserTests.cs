using Cms.Web.Tests.Support;
using Microsoft.Playwright;

namespace Cms.Web.Tests.Browser;

/// <summary>
/// Issue 14, item 8, in Chromium: a version's changes are not told by colour alone. Added words are underlined and
/// removed ones struck through, the page says so, and a screen reader hears "added" and "removed" around them.
/// </summary>
public sealed class HistoryDiffBrowserTests : IClassFixture<BrowserHost>
{
    private const string Article = "/riverbend/admin/content/articletherapypart10000001";

    private readonly BrowserHost _host;

    public HistoryDiffBrowserTests(BrowserHost host)
    {
        _host = host;
    }

    [SkippableFact]
    public async Task AddedAndRemovedWordsAreMarkedBeyondTheirColour()
    {
        Skip.IfNot(BrowserHost.Available, "Chromium is not installed at " + BrowserHost.ChromiumPath);
        var admin = await _host.NewPageAsync();
        await BrowserHost.SignInAsync(admin, "/riverbend", CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await admin.GotoAsync(Article);
        var title = admin.GetByLabel("Title", new() { Exact = true });
        await title.FillAsync((await title.InputValueAsync()).Replace("Therapy", "Counseling", StringComparison.Ordinal));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync("Published.");

        await admin.GotoAsync(Article + "/history");

        await Assertions.Expect(admin.Locator(".diff-legend")).ToContainTextAsync("Added text is underlined, removed text struck through.");
        var added = admin.Locator(".changes .diff-added", new() { HasText = "Counseling" }).First;
        var removed = admin.Locator(".changes .diff-removed", new() { HasText = "Therapy" }).First;
        Assert.Contains("underline", await added.EvaluateAsync<string>("e => getComputedStyle(e).textDecorationLine"), StringComparison.Ordinal);
        Assert.Contains("line-through", await removed.EvaluateAsync<string>("e => getComputedStyle(e).textDecorationLine"), StringComparison.Ordinal);
        Assert.Equal("\" [added: \"", await added.EvaluateAsync<string>("e => getComputedStyle(e, '::before').content"));
        Assert.Equal("\" [removed: \"", await removed.EvaluateAsync<string>("e => getComputedStyle(e, '::before').content"));
        // Announced, not shown: the marks take no room on the page.
        Assert.Equal("1px", await added.EvaluateAsync<string>("e => getComputedStyle(e, '::before').width"));
    }
}
