using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>Issue 14, item 7: the media page's "Not used" filter lists the files nothing uses, such as an upload from a form never saved, each deletable.</summary>
public sealed class MediaPageUnusedTests : IClassFixture<CmsFactory>
{
    private const string Dana = AdminSite.Base + "/admin/content/counselordanawhitfield0001";

    private readonly CmsFactory _factory;

    public MediaPageUnusedTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task AnUploadFromAFormNeverSavedIsListedAsNotUsed()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        // The upload is kept although the form is refused (its title is emptied), so nothing points at it.
        var refused = await AdminSite.PostWithUploadAsync(admin, Dana, "Counselor.Photo.Upload", "Never Saved.png", MediaSite.Png, f => f.With("TitlePart.Title", ""));
        Assert.Equal(System.Net.HttpStatusCode.OK, refused.StatusCode);

        var unused = await MediaSite.PathsAsync(admin, "?unused=true");
        var page = await PublicSite.PageAsync(admin, MediaSite.Page + "?unused=true");

        var orphan = Assert.Single(unused, p => p.Contains("never-saved-", StringComparison.Ordinal));
        Assert.DoesNotContain("counselors/marcus-bell.png", unused);
        Assert.DoesNotContain("counselors/dana-whitfield.png", unused);
        Assert.Contains("counselors/marcus-bell.png", await MediaSite.PathsAsync(admin, ""));
        Assert.Equal("Delete", page.QuerySelector($".media-card[data-path='{orphan}'] a")!.TextContent);
        Assert.Contains("Not used", page.QuerySelector($".media-card[data-path='{orphan}']")!.TextContent, StringComparison.Ordinal);
    }
}
