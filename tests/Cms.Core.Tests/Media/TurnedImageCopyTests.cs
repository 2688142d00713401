using System.Buffers.Binary;
using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Media;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Cms.Core.Tests.Media;

/// <summary>
/// A photo stored before uploads were turned upright keeps its EXIF orientation, which browsers follow when they show
/// the file: its size and its resized copies must be the picture as shown, not as its pixels lie on their side.
/// </summary>
public sealed class TurnedImageCopyTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task APhotoStoredOnItsSideIsDescribedAndCopiedUpright(DatabaseProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await using var services = await storage.StartAsync();
        var tenant = (await RecipeTenant.CreateAsync(services, "turned")).Tenant;
        // 1000 × 600 as stored, top half red and bottom half blue; orientation 6: shown turned a quarter clockwise,
        // 600 × 1000 with red on the right.
        await services.GetRequiredService<IMediaStore>().WriteAsync(tenant, "held-upright.jpg", new MemoryStream(SidewaysJpeg(1000, 600)), default);
        var images = services.GetRequiredService<MediaImages>();

        var image = await images.DescribeAsync(tenant, "held-upright.jpg", default);
        var copy = await images.OpenAsync(tenant, "held-upright.jpg", 400, default);

        Assert.Equal((600, 1000), (image!.Width, image.Height));
        Assert.Equal(400, copy!.Width);
        using var pixels = SKBitmap.Decode(copy.FilePath);
        Assert.Equal((400, 667), (pixels.Width, pixels.Height));
        Assert.True(IsRed(pixels.GetPixel(380, 333)), $"The right side is {pixels.GetPixel(380, 333)}, not red.");
        Assert.True(IsBlue(pixels.GetPixel(20, 333)), $"The left side is {pixels.GetPixel(20, 333)}, not blue.");
    }

    private static bool IsRed(SKColor c) => c.Red > 200 && c.Blue < 60;

    private static bool IsBlue(SKColor c) => c.Blue > 200 && c.Red < 60;

    // A JPEG with an EXIF block whose IFD0 says orientation 6, spliced in after the start marker as a camera writes it.
    private static byte[] SidewaysJpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var red = new SKPaint { Color = SKColors.Red };
            using var blue = new SKPaint { Color = SKColors.Blue };
            canvas.DrawRect(0, 0, width, height / 2f, red);
            canvas.DrawRect(0, height / 2f, width, height / 2f, blue);
        }

        using var encoded = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        var jpeg = encoded.ToArray();
        // "MM", 42, IFD0 at 8: one entry, Orientation (0x0112), SHORT, count 1, value 6; no next IFD.
        byte[] tiff = [(byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];
        byte[] payload = [.. "Exif\0\0"u8.ToArray(), .. tiff];
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)(payload.Length + 2));
        return [.. jpeg[..2], 0xFF, 0xE1, .. length, .. payload, .. jpeg[2..]];
    }
}
