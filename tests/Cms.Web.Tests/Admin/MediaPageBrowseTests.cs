using System.Net;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>Issue 14, item 7: the admin's media page lists the library (thumbnail, name, size, date), searches it by name, pages it, for who manages media.</summary>
public sealed class MediaPageBrowseTests : IClassFixture<CmsFactory>
{
    private const string Password = "a-long-password-1";

    private readonly CmsFactory _factory;

    public MediaPageBrowseTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task TheMediaPageListsTheLibraryAndSearchesItByName()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        // Searched, so the other tests' uploads (newer, listed first) do not push it to a later page.
        var page = await PublicSite.PageAsync(admin, MediaSite.Page + "?q=marcus");
        var marcus = page.QuerySelector(".media-card[data-path='counselors/marcus-bell.png']")!;

        Assert.Contains("Media", await AdminSite.MenuAsync(admin));
        // The 400 px copy: a thumbnail does not need the whole photo.
        Assert.Equal(AdminSite.Base + "/media/counselors/marcus-bell.png?w=400", marcus.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("marcus-bell.png", marcus.QuerySelector(".media-name")!.TextContent);
        Assert.Matches(@"\d+ (B|KB|MB) · \d{1,2} \w{3} \d{4}", marcus.TextContent);
        Assert.Contains("Used by 1 item", marcus.TextContent, StringComparison.Ordinal);
        Assert.Equal(["counselors/marcus-bell.png"], await MediaSite.PathsAsync(admin, "?q=MARCUS"));
        Assert.Empty(await MediaSite.PathsAsync(admin, "?q=nothing-is-called-this"));
    }

    [Fact]
    public async Task ALongLibraryIsPaged()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var files = Enumerable.Range(1, Cms.Admin.Editors.MediaLibrary.PageSize + 1).Select(i => ($"paged-{i}.png", MediaSite.Png)).ToArray();
        foreach (var chunk in files.Chunk(Cms.Admin.Pages.Admin.Media.MediaModel.MaxFilesPerUpload))
        {
            Assert.Equal(HttpStatusCode.Found, (await MediaSite.UploadAsync(admin, chunk)).StatusCode);
        }

        var first = await PublicSite.PageAsync(admin, MediaSite.Page + "?q=paged-");
        var second = await MediaSite.PathsAsync(admin, "?q=paged-&p=2");

        Assert.Equal(Cms.Admin.Editors.MediaLibrary.PageSize, first.QuerySelectorAll(".media-card").Length);
        Assert.Single(second);
        Assert.Equal(AdminSite.Base + "/admin/media?q=paged-&p=2", first.QuerySelector(".pager a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task TheMediaPageIsForWhoManagesMediaOnly()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await AdminSite.AddUserAsync(admin, "mediapageauthor", Password, "Author");
        var author = await AdminSite.SignInAsync(_factory, "mediapageauthor", Password);

        using var refused = await author.GetAsync(MediaSite.Page);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain("Media", await AdminSite.MenuAsync(author));
    }
}
