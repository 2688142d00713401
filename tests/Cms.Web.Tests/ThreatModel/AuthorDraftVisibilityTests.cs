using System.Net;
using Cms.Web.Tests.Admin;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.ThreatModel;

/// <summary>Issue 10, item 10: an Author sees their own drafts and what is published, never the titles of other people's drafts.</summary>
[Trait("Suite", "ThreatModel")]
public sealed class AuthorDraftVisibilityTests : IClassFixture<CmsFactory>
{
    private const string Password = "a-long-password-1";
    private readonly CmsFactory _factory;

    public AuthorDraftVisibilityTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task AnAuthorsListsShowTheirOwnDraftsAndPublishedItemsButNoOtherDraftTitle()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await AdminSite.AddUserAsync(admin, "visible-author", Password, "Author");
        var author = await AdminSite.SignInAsync(_factory, "visible-author", Password);

        // Someone else's draft, and someone else's published article with a newer draft that renames it.
        Assert.Equal(HttpStatusCode.Found, (await AdminSite.PostFormAsync(admin, AdminSite.Base + "/admin/content/new/Article", Article("Confidential layoff plan", "draft"))).StatusCode);
        var published = await AdminSite.PostFormAsync(admin, AdminSite.Base + "/admin/content/new/Article", Article("Coping with winter blues", "publish"));
        var publishedPath = published.Headers.Location!.OriginalString.Split('?')[0];
        Assert.Equal(HttpStatusCode.Found, (await AdminSite.PostFormAsync(admin, publishedPath, Article("Unannounced rename of winter blues", "draft"))).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await AdminSite.PostFormAsync(author, AdminSite.Base + "/admin/content/new/Article", Article("My own quiet draft", "draft"))).StatusCode);

        foreach (var page in new[] { "/admin/content", "/admin/content?status=draft", "/admin/content?q=winter", "/admin/content?q=layoff", "/admin/content?sort=title", "/admin" })
        {
            var html = await author.GetStringAsync(AdminSite.Base + page);
            Assert.DoesNotContain("Confidential layoff plan", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Unannounced rename", html, StringComparison.Ordinal);
        }

        var list = await author.GetStringAsync(AdminSite.Base + "/admin/content");
        Assert.Contains("My own quiet draft", list, StringComparison.Ordinal);
        Assert.Contains("Coping with winter blues", list, StringComparison.Ordinal);
        Assert.Contains("Coping with winter blues", await author.GetStringAsync(AdminSite.Base + "/admin/content?q=winter"), StringComparison.Ordinal);

        // The administrator still sees everything as it is now.
        var adminList = await admin.GetStringAsync(AdminSite.Base + "/admin/content");
        Assert.Contains("Confidential layoff plan", adminList, StringComparison.Ordinal);
        Assert.Contains("Unannounced rename of winter blues", adminList, StringComparison.Ordinal);
    }

    private static List<KeyValuePair<string, string>> Article(string title, string action) =>
    [
        new("TitlePart.Title", title),
        new("MarkdownBodyPart.Markdown", "Some words about " + title + "."),
        new("Article.Authors", "counselordanawhitfield0001"),
        new("Article.SensitiveTopic", "false"),
        new("Article.AllowComments", "false"),
        new("action", action),
    ];
}
