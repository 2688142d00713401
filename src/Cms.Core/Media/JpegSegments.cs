using System.Buffers.Binary;

namespace Cms.Media;

/// <summary>
/// A JPEG without its metadata segments: APP1 (EXIF with GPS, XMP), APP13 (IPTC) and every other application segment
/// but JFIF (APP0), the colour profile (APP2 ICC_PROFILE) and Adobe's colour transform (APP14), and comments. The
/// compressed picture is copied as it is, so stripping loses nothing and a stripped file comes out unchanged.
/// </summary>
internal static class JpegSegments
{
    /// <summary>The JPEG without metadata, or null when its segments do not follow the JPEG format.</summary>
    public static byte[]? WithoutMetadata(byte[] jpeg)
    {
        var output = new MemoryStream(jpeg.Length);
        output.Write(jpeg, 0, 2);
        var at = 2;
        while (at + 4 <= jpeg.Length)
        {
            if (jpeg[at] != 0xFF)
            {
                return null;
            }

            var marker = jpeg[at + 1];
            if (marker == 0xFF)
            {
                at++; // a fill byte before the marker
                continue;
            }

            // A segment's length counts its own two bytes: less is not JPEG (a hostile file's 0 would read backwards).
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
            var end = at + 2 + length;
            if (length < 2 || end > jpeg.Length)
            {
                return null;
            }

            if (marker == 0xDA)
            {
                // Start of scan: the picture, and anything after it, is copied as it is.
                output.Write(jpeg, at, jpeg.Length - at);
                return output.ToArray();
            }

            if (Keeps(marker, jpeg.AsSpan(at + 4, end - at - 4)))
            {
                output.Write(jpeg, at, end - at);
            }

            at = end;
        }

        return null;
    }

    private static bool Keeps(byte marker, ReadOnlySpan<byte> payload) => marker switch
    {
        0xE0 => payload.StartsWith("JFIF\0"u8),
        0xE2 => payload.StartsWith("ICC_PROFILE\0"u8),
        0xEE => payload.StartsWith("Adobe"u8),
        >= 0xE1 and <= 0xEF or 0xFE => false,
        _ => true,
    };
}
