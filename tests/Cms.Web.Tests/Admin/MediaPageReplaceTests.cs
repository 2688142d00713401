using System.Net;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>Issue 14, item 7: the media page replaces a file's content keeping its path, checked as an upload is; a refused replacement changes nothing.</summary>
public sealed class MediaPageReplaceTests : IClassFixture<CmsFactory>
{
    private readonly CmsFactory _factory;

    public MediaPageReplaceTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task AReplacedFileKeepsItsPathAndServesTheNewContent()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var path = await MediaSite.UploadOneAsync(admin, "to-replace.png");
        // A whole image without metadata: stored as it is (a replacement is stripped of metadata as an upload is).
        var newer = Cms.Core.Tests.Support.NoisePng.Of(20_000, seed: 7);

        using var response = await MediaSite.ReplaceAsync(admin, path, "Another Name.png", newer);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal([path], await MediaSite.PathsAsync(admin, "?q=to-replace"));
        Assert.Empty(await MediaSite.PathsAsync(admin, "?q=another-name"));
        Assert.Equal(newer, await _factory.Client().GetByteArrayAsync(AdminSite.Base + "/media/" + path));
    }

    [Theory]
    [InlineData("photo.jpg", "is not the same type of image")]
    [InlineData("notes.txt", "is not an image")]
    [InlineData("fake.png", "fake.png")]
    public async Task ARefusedReplacementChangesNothing(string name, string message)
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1];
        var content = name.EndsWith(".jpg", StringComparison.Ordinal) ? jpeg : "not an image"u8.ToArray();
        var before = await _factory.Client().GetByteArrayAsync(AdminSite.Base + "/media/counselors/dana-whitfield.png");

        using var response = await MediaSite.ReplaceAsync(admin, "counselors/dana-whitfield.png", name, content);
        var page = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), MediaSite.Page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await _factory.Client().GetByteArrayAsync(AdminSite.Base + "/media/counselors/dana-whitfield.png"));
    }

    [Fact]
    public async Task ReplacingAFileThatIsNotInTheLibraryIsRefusedAndWritesNothing()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        using var response = await MediaSite.ReplaceAsync(admin, "counselors/nobody-here.png", "x.png", MediaSite.Png);
        var page = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), MediaSite.Page);

        Assert.Contains("There is no file “counselors/nobody-here.png” in the media library to replace", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await MediaSite.PathsAsync(admin, "?q=nobody-here"));
    }

    [Fact]
    public async Task AReplacementIsStrippedOfItsPositionAsAnUploadIs()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var path = await MediaSite.UploadOneAsync(admin, "office.jpg", PhonePhoto.Jpeg(64, 48));
        var photo = PhonePhoto.Jpeg(640, 480);
        Assert.True(PhonePhoto.HasMetadata(photo));

        using var response = await MediaSite.ReplaceAsync(admin, path, "office at home.jpg", photo);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var served = await _factory.Client().GetByteArrayAsync(AdminSite.Base + "/media/" + path);
        Assert.True(served.Length > 1000, "the new photo is served");
        Assert.False(PhonePhoto.HasMetadata(served), "the replacement keeps EXIF or XMP");
    }
}
