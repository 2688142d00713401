using Cms.Web.Tests.Support;
using Microsoft.Playwright;

namespace Cms.Web.Tests.Browser;

/// <summary>Issue 14, item 1: the demo practice's Settings page, as set up, is saved in Chromium (its privacy link is a site path).</summary>
public sealed class SettingsSaveBrowserTests : IClassFixture<BrowserHost>
{
    private readonly BrowserHost _host;

    public SettingsSaveBrowserTests(BrowserHost host)
    {
        _host = host;
    }

    [SkippableFact]
    public async Task TheDemosSettingsAreSavedInChromium()
    {
        Skip.IfNot(BrowserHost.Available, "Chromium is not installed at " + BrowserHost.ChromiumPath);
        var admin = await _host.NewPageAsync();
        await BrowserHost.SignInAsync(admin, "/riverbend", CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await admin.GotoAsync("/riverbend/admin/settings");
        await Assertions.Expect(admin.Locator("#f-PracticeSettings-PrivacyNoticeLink")).ToHaveValueAsync("/notice-of-privacy-practices");
        await admin.GetByLabel("Practice name", new() { Exact = true }).FillAsync("Riverbend Counseling Group");

        await admin.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();

        await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync("Saved.", new() { Timeout = 10_000 });
        await BrowserHost.ScreenshotAsync(admin, "settings-saved");
        var reader = await _host.NewPageAsync();
        await reader.GotoAsync("/riverbend/");
        await Assertions.Expect(reader.Locator(".brand-name")).ToHaveTextAsync("Riverbend Counseling Group");
        await Assertions.Expect(reader.Locator(".footer-links a", new() { HasText = "Notice of Privacy Practices" })).ToHaveAttributeAsync("href", "/riverbend/notice-of-privacy-practices");
    }
}
