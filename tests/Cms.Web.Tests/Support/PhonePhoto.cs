using System.Buffers.Binary;
using SkiaSharp;

namespace Cms.Web.Tests.Support;

/// <summary>
/// A JPEG as a phone writes it: a photo drawn with SkiaSharp, then an EXIF block with a GPS position (Orlando, 28.5° N)
/// and an XMP packet naming the same place, spliced in after the start marker as a camera does.
/// </summary>
internal static class PhonePhoto
{
    /// <summary>The bytes every check looks for: the EXIF header, the XMP namespace and the GPS IFD's tag.</summary>
    public static readonly byte[][] MetadataMarkers = ["Exif\0\0"u8.ToArray(), "ns.adobe.com/xap"u8.ToArray(), "GPSLatitude"u8.ToArray()];

    public static byte[] Jpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            using var paint = new SKPaint { Color = SKColors.Orange };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, paint);
        }

        using var encoded = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        var jpeg = encoded.ToArray();
        return [.. jpeg[..2], .. Segment(0xE1, Exif()), .. Segment(0xE1, Xmp()), .. jpeg[2..]];
    }

    public static bool HasMetadata(byte[] bytes) => MetadataMarkers.Any(m => bytes.AsSpan().IndexOf(m) >= 0);

    private static byte[] Segment(byte marker, byte[] payload)
    {
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)(payload.Length + 2));
        return [0xFF, marker, .. length, .. payload];
    }

    // TIFF, big-endian: IFD0 with one entry (the GPS IFD's offset), then the GPS IFD with GPSLatitudeRef 'N' and GPSLatitude 28/1 30/1 0/1.
    private static byte[] Exif()
    {
        var tiff = new List<byte>();
        void U16(int v) => tiff.AddRange([(byte)(v >> 8), (byte)v]);
        void U32(int v) => tiff.AddRange([(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v]);
        tiff.AddRange("MM"u8.ToArray()); U16(42); U32(8);
        U16(1); U16(0x8825); U16(4); U32(1); U32(26); U32(0); // IFD0 at 8: GPS IFD pointer -> 26
        U16(2); // GPS IFD at 26
        U16(1); U16(2); U32(2); tiff.AddRange([(byte)'N', 0, 0, 0]); // GPSLatitudeRef
        U16(2); U16(5); U32(3); U32(56); U32(0); // GPSLatitude, 3 rationals at 56
        U32(28); U32(1); U32(30); U32(1); U32(0); U32(1);
        return [.. "Exif\0\0"u8.ToArray(), .. tiff];
    }

    private static byte[] Xmp() =>
        [.. "http://ns.adobe.com/xap/1.0/\0"u8.ToArray(),
         .. "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description xmlns:exif='http://ns.adobe.com/exif/1.0/' exif:GPSLatitude='28,30.0N' exif:GPSLongitude='81,22.0W'/></rdf:RDF></x:xmpmeta>"u8.ToArray()];
}
