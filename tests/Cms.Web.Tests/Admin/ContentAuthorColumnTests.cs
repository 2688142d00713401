using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>
/// Issue 14, item 11: the content list's Author column showed the item's owner only, and the sample items have none
/// (a recipe names their author, not an owner), so it was blank. It shows the owner, else the author, else a dash;
/// the dashboard's entries leave out what an item does not have instead of ending in a dangling "·".
/// </summary>
public sealed class ContentAuthorColumnTests : IClassFixture<CmsFactory>
{
    private const string Nobodys = "articlenobody0000000000001";

    private readonly CmsFactory _factory;

    public ContentAuthorColumnTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task TheAuthorColumnShowsTheSampleItemsAuthorAndADashForNobody()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await PublicSite.ImportAsync(_factory.Client(), AdminSite.Base, PublicSite.ArticleRecipe(Nobodys, "Nobody Wrote This", "articles/nobody-wrote-this", published: true));

        var page = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content");

        string AuthorOf(string title) => page.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("td a")!.TextContent == title).QuerySelectorAll("td")[3].TextContent.Trim();
        Assert.Equal("admin", AuthorOf("Dana Whitfield"));
        Assert.Equal("—", AuthorOf("Nobody Wrote This"));
    }

    [Fact]
    public async Task TheAuthorFilterFindsWhatTheColumnShows()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var page = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content?owner=admin&type=Counselor");

        Assert.Equal(["Dana Whitfield", "Marcus Bell"], page.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent).Order());
    }

    [Fact]
    public async Task ADashboardEntryWithoutAnAuthorHasNoDanglingDot()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await PublicSite.ImportAsync(_factory.Client(), AdminSite.Base, PublicSite.ArticleRecipe(Nobodys, "Nobody Wrote This", "articles/nobody-wrote-this", published: false));

        var dashboard = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin");

        var entries = dashboard.QuerySelectorAll(".plain-list li").Where(li => li.TextContent.Contains("Nobody Wrote This", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, li => Assert.False(li.TextContent.Trim().EndsWith('·'), li.TextContent));
        Assert.Contains(entries, li => li.QuerySelector(".muted")!.TextContent.Trim() == "Article · Draft");
    }
}
