using System.Buffers.Binary;
using System.Net;
using Cms.Media;
using Cms.Tenancy;
using Cms.Web.Tests.Admin;
using Cms.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests.Media;

/// <summary>Issue 14, item 6: an upload that only starts like an image, or claims more than 40 million pixels, is refused with why, and nothing is stored.</summary>
public sealed class RefusedImageUploadTests : IClassFixture<CmsFactory>
{
    private const string Dana = AdminSite.Base + "/admin/content/counselordanawhitfield0001";

    private readonly CmsFactory _factory;

    public RefusedImageUploadTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Theory]
    [InlineData("broken.jpg", "“broken.jpg” could not be read as an image")]
    [InlineData("huge.png", "“huge.png” is 10000 × 5000 pixels; images can have at most 40 million pixels")]
    public async Task IsRefusedAndNothingIsStored(string fileName, string message)
    {
        byte[] content = fileName == "huge.png" ? HugePngHeader() : [0xFF, 0xD8, 0xFF, 0xE0, .. "not really a photo"u8.ToArray()];
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var tenant = (await _factory.Services.GetRequiredService<TenantManager>().FindAsync("riverbend", default))!;
        var before = (await _factory.Services.GetRequiredService<IMediaStore>().ListAsync(tenant, default)).Select(f => f.Path).ToList();

        var refused = await AdminSite.PostWithUploadAsync(admin, Dana, "Counselor.Photo.Upload", fileName, content);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, (await _factory.Services.GetRequiredService<IMediaStore>().ListAsync(tenant, default)).Select(f => f.Path));
    }

    // A PNG that says it is 10,000 × 5,000 pixels (50 million) in a few bytes: a decompression bomb's header.
    private static byte[] HugePngHeader()
    {
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, 10_000);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), 5_000);
        header[8] = 8; // bits per sample; colour type 0 (grey), no interlace
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Chunk("IHDR", header), .. Chunk("IDAT", [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]), .. Chunk("IEND", [])];
    }

    private static byte[] Chunk(string type, byte[] data)
    {
        byte[] typed = [.. System.Text.Encoding.ASCII.GetBytes(type), .. data];
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        typed.CopyTo(chunk, 4);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(typed));
        return chunk;
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
