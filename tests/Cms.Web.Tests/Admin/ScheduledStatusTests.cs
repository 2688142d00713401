using Cms.Content;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests.Admin;

/// <summary>
/// Issue 14, item 9: a draft scheduled to be published says so, with the time in the practice's zone, in the content
/// list and on the dashboard (it said "Draft").
/// </summary>
public sealed class ScheduledStatusTests : IClassFixture<CmsFactory>
{
    private const string Id = "articlescheduled0000000001";

    private readonly CmsFactory _factory;

    public ScheduledStatusTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task AScheduledDraftSaysWhenItIsPublishedInTheListAndOnTheDashboard()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await PublicSite.ImportAsync(_factory.Client(), AdminSite.Base, PublicSite.ArticleRecipe(Id, "Coming Soon", "articles/coming-soon", published: false));
        // 15:00 UTC in January is 10:00 in riverbend's zone, America/New_York.
        await _factory.Services.GetRequiredService<ScheduledPublishing>().ScheduleAsync("riverbend", Id, new DateTimeOffset(2030, 1, 15, 15, 0, 0, TimeSpan.Zero), "admin", default);

        var list = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content?type=Article");
        var dashboard = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin");

        const string Expected = "Scheduled for Jan 15, 2030 10:00 (America/New_York)";
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Coming Soon", StringComparison.Ordinal));
        Assert.Equal(Expected, row.QuerySelectorAll("td")[2].TextContent.Trim());
        var drafts = dashboard.QuerySelector("[aria-labelledby=drafts-title]")!.QuerySelectorAll("li").Single(li => li.TextContent.Contains("Coming Soon", StringComparison.Ordinal));
        Assert.Contains(Expected, drafts.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Draft", drafts.QuerySelector(".muted")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnscheduledDraftIsStillADraft()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await PublicSite.ImportAsync(_factory.Client(), AdminSite.Base, PublicSite.ArticleRecipe("articleunscheduled00000001", "Not Yet", "articles/not-yet", published: false));

        var list = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content?type=Article");

        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Not Yet", StringComparison.Ordinal));
        Assert.Equal("Draft", row.QuerySelectorAll("td")[2].TextContent.Trim());
    }
}
