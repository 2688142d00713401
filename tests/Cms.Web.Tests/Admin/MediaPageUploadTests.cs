using System.Net;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>Issue 14, item 7: the media page uploads several files at once, checked as every upload is; each refusal is named and the good files are kept.</summary>
public sealed class MediaPageUploadTests : IClassFixture<CmsFactory>
{
    private readonly CmsFactory _factory;

    public MediaPageUploadTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task SeveralFilesAreUploadedAtOnce()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        using var response = await MediaSite.UploadAsync(admin, ("Batch One.png", MediaSite.Png), ("Batch Two.png", MediaSite.Png));
        var page = await PublicSite.PageAsync(admin, AdminSite.Base + response.Headers.Location!.OriginalString[AdminSite.Base.Length..]);
        var paths = await MediaSite.PathsAsync(admin, "?q=batch-");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("2 images uploaded.", page.QuerySelector(".notice")!.TextContent);
        Assert.Equal(2, paths.Count);
        Assert.All(paths, p => Assert.Matches(@"^uploads/\d{4}/\d{2}/batch-(one|two)-[0-9a-f]{6}\.png$", p));
        Assert.Equal(MediaSite.Png, await _factory.Client().GetByteArrayAsync(AdminSite.Base + "/media/" + paths[0]));
    }

    [Fact]
    public async Task EachRefusedFileIsNamedAndTheGoodOnesAreKept()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        using var response = await MediaSite.UploadAsync(admin,
            ("mixed-good.png", MediaSite.Png), ("mixed-notes.txt", "hello"u8.ToArray()), ("mixed-fake.png", "not a png at all"u8.ToArray()));
        var page = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), MediaSite.Page);
        var errors = page.QuerySelectorAll(".error-summary li").Select(li => li.TextContent).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, errors.Count);
        Assert.Contains("“mixed-notes.txt” is not an image", errors[0], StringComparison.Ordinal);
        Assert.Contains("mixed-fake.png", errors[1], StringComparison.Ordinal);
        Assert.Equal("1 image uploaded.", page.QuerySelector(".notice")!.TextContent);
        Assert.Single(await MediaSite.PathsAsync(admin, "?q=mixed-good"));
        Assert.Empty(await MediaSite.PathsAsync(admin, "?q=mixed-notes"));
        Assert.Empty(await MediaSite.PathsAsync(admin, "?q=mixed-fake"));
    }

    [Fact]
    public async Task TooManyFilesAtOnceAreRefusedAndNoneIsKept()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var files = Enumerable.Range(1, Cms.Admin.Pages.Admin.Media.MediaModel.MaxFilesPerUpload + 1).Select(i => ($"too-many-{i}.png", MediaSite.Png)).ToArray();

        using var response = await MediaSite.UploadAsync(admin, files);
        var page = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), MediaSite.Page);

        Assert.Contains($"upload at most {Cms.Admin.Pages.Admin.Media.MediaModel.MaxFilesPerUpload} at once", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await MediaSite.PathsAsync(admin, "?q=too-many-"));
    }
}
