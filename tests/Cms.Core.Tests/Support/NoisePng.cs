using SkiaSharp;

namespace Cms.Core.Tests.Support;

/// <summary>
/// A PNG of noise (which does not compress) of exactly a given length: an image the media library decodes and keeps as
/// it is, padded to the length with empty IDAT chunks (12 bytes each) after the last one, which decoders read past.
/// </summary>
internal static class NoisePng
{
    private static readonly byte[] s_emptyIdat = [0, 0, 0, 0, .. "IDAT"u8, 0x35, 0xAF, 0x06, 0x1E];

    public static byte[] Of(int length, int seed)
    {
        for (var width = 64; width < 512; width++)
        {
            var height = (length - 2000) / (width * 4 + 1);
            using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
            var pixels = new byte[bitmap.ByteCount];
            new Random(seed).NextBytes(pixels);
            System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
            using var encoded = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            var png = encoded.ToArray();
            var gap = length - png.Length;
            if (gap >= 0 && gap % s_emptyIdat.Length == 0)
            {
                var end = png.Length - 12; // IEND
                return [.. png[..end], .. Enumerable.Repeat(s_emptyIdat, gap / s_emptyIdat.Length).SelectMany(c => c), .. png[end..]];
            }
        }

        throw new InvalidOperationException($"No noise PNG pads to {length} bytes.");
    }
}
