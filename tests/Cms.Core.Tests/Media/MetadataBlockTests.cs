using System.Text;
using Cms.Media;

namespace Cms.Core.Tests.Media;

/// <summary>
/// Issue 14, item 6: the block parsers that cut metadata out of a file without re-encoding it keep what the picture needs
/// and drop the rest, and a hostile file's impossible lengths are refused, not read.
/// </summary>
public sealed class MetadataBlockTests
{
    [Fact]
    public void AGifKeepsItsFrameTimingTransparencyAndLoopButNotItsCommentOrXmp()
    {
        byte[] timing = [0x21, 0xF9, 0x04, 0x05, 0x0A, 0x00, 0x01, 0x00]; // 100 ms a frame, colour 1 transparent
        byte[] loop = [0x21, 0xFF, 0x0B, .. "NETSCAPE2.0"u8, 0x03, 0x01, 0x00, 0x00, 0x00];
        byte[] comment = [0x21, 0xFE, 0x0B, .. "Home, Maple"u8, 0x00];
        byte[] xmp = [0x21, 0xFF, 0x0B, .. "XMP DataXMP"u8, 0x05, .. "GPS:1"u8, 0x00];
        byte[] gif =
        [
            .. "GIF89a"u8, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, // 1 × 1, a global table of 2 colours
            0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF,
            .. loop, .. comment, .. xmp, .. timing,
            0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00,
            0x3B,
        ];

        var stripped = GifBlocks.WithoutMetadata(gif)!;

        Assert.True(Contains(stripped, timing), "the frame's timing and transparency were dropped");
        Assert.True(Contains(stripped, loop), "the loop was dropped");
        Assert.False(Contains(stripped, "Home, Maple"u8.ToArray()), "the comment was kept");
        Assert.False(Contains(stripped, "XMP DataXMP"u8.ToArray()), "the XMP was kept");
        Assert.Null(StrippedImage.From("pixel.gif", stripped).Error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void AJpegSegmentShorterThanItsOwnLengthFieldIsRefused(int length)
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE1, 0x00, (byte)length, .. Encoding.ASCII.GetBytes("Exif padding"), 0xFF, 0xD9];

        Assert.Null(JpegSegments.WithoutMetadata(jpeg));
    }

    private static bool Contains(byte[] data, byte[] part) => data.AsSpan().IndexOf(part) >= 0;
}
