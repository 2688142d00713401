using System.Net;
using Cms.Media;
using Cms.Tenancy;
using Cms.Web.Tests.Admin;
using Cms.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Cms.Web.Tests.Media;

/// <summary>Issue 14, item 6: a photo uploaded with its GPS position in EXIF and XMP is stored and served without either.</summary>
public sealed class UploadedPhotoMetadataTests : IClassFixture<CmsFactory>
{
    private const string Dana = AdminSite.Base + "/admin/content/counselordanawhitfield0001";

    private readonly CmsFactory _factory;

    public UploadedPhotoMetadataTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task APhonePhotosPositionIsNeitherStoredNorServed()
    {
        var photo = PhonePhoto.Jpeg(640, 480);
        Assert.True(PhonePhoto.HasMetadata(photo));
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var saved = await AdminSite.PostWithUploadAsync(admin, Dana, "Counselor.Photo.Upload", "Dana at home.jpg", photo);

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        var tenant = (await _factory.Services.GetRequiredService<TenantManager>().FindAsync("riverbend", default))!;
        var store = _factory.Services.GetRequiredService<IMediaStore>();
        var entry = Assert.Single(await store.ListAsync(tenant, default), f => f.Name.StartsWith("dana-at-home-", StringComparison.Ordinal) && f.Path.EndsWith(".jpg", StringComparison.Ordinal));
        var stored = await File.ReadAllBytesAsync((await store.OpenAsync(tenant, entry.Path, default))!.FilePath);
        var served = await admin.GetByteArrayAsync(AdminSite.Base + "/media/" + entry.Path);
        Assert.False(PhonePhoto.HasMetadata(stored), "the stored file keeps EXIF or XMP");
        Assert.False(PhonePhoto.HasMetadata(served), "the served file keeps EXIF or XMP");
        using var image = SKBitmap.Decode(served);
        Assert.Equal((640, 480), (image.Width, image.Height));
    }
}
