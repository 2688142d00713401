using System.Net;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>Version history: what changed in each version, and restoring an old one as a draft.</summary>
public sealed class HistoryAdminTests : IClassFixture<CmsFactory>
{
    private const string Item = AdminSite.Base + "/admin/content/articleintrusivethoughts01";

    private readonly CmsFactory _factory;

    public HistoryAdminTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task EachVersionShowsItsChangesAndAnOldOneComesBackAsADraft()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await SaveTitleAsync(admin, "Unwanted Thoughts, Second Title", "publish");
        await SaveTitleAsync(admin, "Unwanted Thoughts, Third Title", "draft");

        var history = await PublicSite.PageAsync(admin, Item + "/history");
        var versions = history.QuerySelectorAll("nav[aria-label=Versions] li a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(3, versions.Count);
        Assert.Contains(history.QuerySelectorAll(".diff-added"), l => l.TextContent.Contains("Third Title", StringComparison.Ordinal));
        Assert.Contains(history.QuerySelectorAll(".diff-removed"), l => l.TextContent.Contains("Second Title", StringComparison.Ordinal));

        var original = versions[^1];
        var restore = await AdminSite.PostFormAsync(admin, Item + "/history" + original, [new("version", original.Split('=')[1])], "Restore");

        Assert.Equal(HttpStatusCode.Found, restore.StatusCode);
        var editor = await PublicSite.PageAsync(admin, Item);
        Assert.Equal("When Unwanted Thoughts Won't Leave You Alone", editor.QuerySelector("input[name='TitlePart.Title']")!.GetAttribute("value"));
        Assert.Equal("Published, with unpublished changes", editor.QuerySelector("[aria-label=Status]")!.TextContent);
        Assert.Contains("Second Title", await _factory.Client().GetStringAsync(AdminSite.Base + "/articles/when-unwanted-thoughts-wont-leave-you-alone"), StringComparison.Ordinal);
        Assert.Equal(4, (await PublicSite.PageAsync(admin, Item + "/history")).QuerySelectorAll("nav[aria-label=Versions] li").Length);
    }

    private static async Task SaveTitleAsync(HttpClient admin, string title, string action)
    {
        var fields = (await AdminSite.FormFieldsAsync(admin, Item)).With("TitlePart.Title", title).With("action", action);
        var response = await AdminSite.PostFormAsync(admin, Item, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Found, await response.Content.ReadAsStringAsync());
    }
}
