using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>The content list: full-text search composed with the filters, newest change first.</summary>
public sealed class ContentListAdminTests : IClassFixture<CmsFactory>
{
    private readonly CmsFactory _factory;

    public ContentListAdminTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Theory]
    [InlineData("?q=grief", new[] { "Grief Doesn't Follow a Schedule" })]
    [InlineData("?q=obsessive&type=Counselor", new[] { "Dana Whitfield" })]
    [InlineData("?q=emotionally+focused&type=Counselor", new[] { "Marcus Bell" })]
    [InlineData("?q=couples&type=Article", new[] { "The Same Argument, Again: Understanding Couples' Conflict Cycles" })]
    [InlineData("?q=therapeutic+relationship&type=Article&status=draft", new string[0])]
    [InlineData("?q=zebra", new string[0])]
    public async Task SearchFindsTheItemsWithEveryWordWithinTheFilters(string query, string[] expected)
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var page = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content" + query);
        var titles = page.QuerySelectorAll("table.table tbody tr td:first-child a").Select(a => a.TextContent).ToList();

        Assert.Subset(titles.ToHashSet(), expected.ToHashSet());
        if (expected.Length == 0)
        {
            Assert.Empty(titles);
            Assert.Equal("0 items", page.QuerySelector("p[role=status]")!.TextContent);
        }
    }

    [Fact]
    public async Task TheListIsPagedNewestChangeFirst()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var page = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content?type=Article");
        var dates = page.QuerySelectorAll("table.table tbody tr td:last-child").Select(td => td.TextContent).ToList();

        Assert.Equal("7 items", page.QuerySelector("p[role=status]")!.TextContent);
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
    }

    [Fact]
    public async Task TimesAreShownInThePracticesTimeZone()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var page = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content?q=helping");

        // Stored 2020-08-18T13:00:00Z; riverbend is in America/New_York (summer time, UTC-4).
        var row = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Part 3: How to Tell", StringComparison.Ordinal));
        Assert.Equal("2020-08-18 09:00", row.QuerySelectorAll("td")[^1].TextContent.Trim());
        Assert.Equal("Times are in America/New_York, the practice's time zone.", page.QuerySelector("#times-zone")!.TextContent);
    }
}
