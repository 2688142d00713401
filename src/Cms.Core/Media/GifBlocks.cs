namespace Cms.Media;

/// <summary>
/// A GIF without its comment blocks and its application blocks other than the one that makes an animation loop (XMP
/// rides in an application block): Skia cannot encode GIF, so the file's blocks are copied, not its pixels re-encoded.
/// </summary>
internal static class GifBlocks
{
    private const byte Extension = 0x21, Image = 0x2C, Trailer = 0x3B, Application = 0xFF, Comment = 0xFE;

    /// <summary>The GIF without metadata, or null when its blocks do not follow the GIF format.</summary>
    public static byte[]? WithoutMetadata(byte[] gif)
    {
        if (gif.Length < 13)
        {
            return null;
        }

        var output = new MemoryStream(gif.Length);
        var at = 13 + ColorTable(gif[10]);
        if (at > gif.Length)
        {
            return null;
        }

        output.Write(gif, 0, at);
        while (at < gif.Length)
        {
            var start = at;
            switch (gif[at])
            {
                case Trailer:
                    output.WriteByte(Trailer);
                    return output.ToArray();
                case Extension when at + 2 < gif.Length:
                    var label = gif[at + 1];
                    var end = SkipSubBlocks(gif, at + 2);
                    if (end < 0)
                    {
                        return null;
                    }

                    // Frame timing and transparency (graphic control) and plain text stay; comments and applications
                    // other than the loop go.
                    if (label == Comment || (label == Application && !IsLoop(gif, at + 2)))
                    {
                        at = end;
                        continue;
                    }

                    at = end;
                    break;
                case Image when at + 10 < gif.Length:
                    at += 10 + ColorTable(gif[at + 9]) + 1; // descriptor, local colors, LZW code size
                    at = at < gif.Length ? SkipSubBlocks(gif, at) : -1;
                    if (at < 0)
                    {
                        return null;
                    }

                    break;
                default:
                    return null;
            }

            output.Write(gif, start, at - start);
        }

        return null;
    }

    private static int ColorTable(byte packed) => (packed & 0x80) == 0 ? 0 : 3 * (1 << ((packed & 7) + 1));

    // The index after the sub-blocks that start here (each a length byte and that many bytes, ended by a zero length), or -1.
    private static int SkipSubBlocks(byte[] gif, int at)
    {
        while (at < gif.Length && gif[at] != 0)
        {
            at += gif[at] + 1;
        }

        return at < gif.Length ? at + 1 : -1;
    }

    private static bool IsLoop(byte[] gif, int at) =>
        gif[at] == 11 && at + 12 <= gif.Length
        && (gif.AsSpan(at + 1, 11).SequenceEqual("NETSCAPE2.0"u8) || gif.AsSpan(at + 1, 11).SequenceEqual("ANIMEXTS1.0"u8));
}
