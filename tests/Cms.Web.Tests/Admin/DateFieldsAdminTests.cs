using System.Net;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>A date-and-time field is typed and shown in the site's time zone (riverbend: America/New_York) and stored in UTC.</summary>
public sealed class DateFieldsAdminTests : IClassFixture<CmsFactory>
{
    private const string Item = AdminSite.Base + "/admin/content/articletherapypart10000001";

    private readonly CmsFactory _factory;

    public DateFieldsAdminTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task ADateAndTimeIsTypedInTheSitesTimeZoneAndStoredInUtc()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        // Stored 2020-07-20T14:00:00Z: 10:00 in New York in summer.
        var box = (await PublicSite.PageAsync(admin, Item)).QuerySelector("input[name='Article.Updated']")!;
        Assert.Equal("datetime-local", box.GetAttribute("type"));
        Assert.Equal("2020-07-20T10:00", box.GetAttribute("value"));

        var fields = (await AdminSite.FormFieldsAsync(admin, Item)).With("Article.Updated", "2021-01-15T09:30").With("action", "draft");
        Assert.Equal(HttpStatusCode.Found, (await AdminSite.PostFormAsync(admin, Item, fields)).StatusCode);

        Assert.Equal("2021-01-15T14:30:00Z", (string?)(await AdminSite.ExportedAsync(admin, "articletherapypart10000001"))["Article"]!["Updated"]!["Value"]);
        Assert.Equal("2021-01-15T09:30", (await PublicSite.PageAsync(admin, Item)).QuerySelector("input[name='Article.Updated']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task AnUnreadableDateIsRefusedNextToTheFieldAndNothingIsSaved()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var before = (await AdminSite.ExportedAsync(admin, "articletherapypart10000001")).ToJsonString();

        var fields = (await AdminSite.FormFieldsAsync(admin, Item)).With("Article.Updated", "next tuesday").With("action", "draft");
        var refused = await AdminSite.PostFormAsync(admin, Item, fields);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PublicSite.ParseAsync(await refused.Content.ReadAsStringAsync(), Item);
        Assert.Contains("is not a date and time", page.QuerySelector("#f-Article-Updated-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, (await AdminSite.ExportedAsync(admin, "articletherapypart10000001")).ToJsonString());
    }
}
