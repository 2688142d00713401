using System.Buffers.Binary;

namespace Cms.Media;

/// <summary>
/// A PNG with only the chunks that draw it: the critical ones, transparency, colour (gamma, chromaticities, sRGB, ICC,
/// cICP), significant bits, background and the animation chunks; text (tEXt, zTXt, iTXt: XMP rides there), eXIf, tIME
/// and any private chunk are left out. Chunks are copied, not re-encoded, so a stripped file comes out unchanged.
/// </summary>
internal static class PngChunks
{
    private static readonly HashSet<string> s_drawn = ["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "cICP", "sBIT", "bKGD", "acTL", "fcTL", "fdAT"];

    /// <summary>The PNG without metadata, or null when its chunks do not follow the PNG format.</summary>
    public static byte[]? WithoutMetadata(byte[] png)
    {
        var output = new MemoryStream(png.Length);
        output.Write(png, 0, 8);
        var at = 8;
        while (at + 12 <= png.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            if (length > png.Length - at - 12)
            {
                return null;
            }

            var end = at + 12 + (int)length;
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            if (s_drawn.Contains(type))
            {
                output.Write(png, at, end - at);
            }

            if (type == "IEND")
            {
                return output.ToArray();
            }

            at = end;
        }

        return null;
    }
}
