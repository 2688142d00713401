using System.Buffers.Binary;

namespace Cms.Media;

/// <summary>
/// A WebP without its EXIF and XMP chunks (and with the extended header's flags for them cleared); the picture's
/// chunks are copied, not re-encoded, so a stripped file comes out unchanged.
/// </summary>
internal static class WebpChunks
{
    private const byte ExifFlag = 0x08, XmpFlag = 0x04;

    /// <summary>The WebP without metadata, or null when its chunks do not follow the RIFF format.</summary>
    public static byte[]? WithoutMetadata(byte[] webp)
    {
        var output = new MemoryStream(webp.Length);
        output.Write(webp, 0, 12);
        var at = 12;
        while (at + 8 <= webp.Length)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(webp.AsSpan(at + 4));
            if (size > webp.Length - at - 8)
            {
                return null;
            }

            var end = at + 8 + (int)size + (int)(size & 1); // chunks are padded to an even length
            end = Math.Min(end, webp.Length);
            var type = System.Text.Encoding.ASCII.GetString(webp, at, 4);
            if (type is not ("EXIF" or "XMP "))
            {
                var start = (int)output.Position;
                output.Write(webp, at, end - at);
                if (type == "VP8X" && size > 0)
                {
                    output.GetBuffer()[start + 8] &= unchecked((byte)~(ExifFlag | XmpFlag));
                }
            }

            at = end;
        }

        if (at != webp.Length)
        {
            return null;
        }

        var result = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(4), (uint)(result.Length - 8));
        return result;
    }
}
