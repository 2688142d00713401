using SkiaSharp;

namespace Cms.Media;

/// <summary>
/// An image as the media library keeps it: without EXIF, XMP, IPTC, comments or any GPS position (a counselor's phone
/// photo must not tell where they live), cut out of the file without re-encoding the picture, except a photo whose EXIF
/// orientation turns it, which is turned in its pixels and encoded again. Decoding is the proof that the file is an image; a file that does not decode,
/// or has more than <see cref="MaxPixels"/> pixels (a small file can claim a huge canvas), is refused.
/// </summary>
public static class StrippedImage
{
    /// <summary>40 megapixels: more than any phone's photo (48 MP sensors save 12 MP by default), far below what would exhaust memory.</summary>
    public const long MaxPixels = 40_000_000;

    // For the photos turned upright: high enough that the new encoding shows no loss to the eye.
    private const int Quality = 88;

    /// <summary>The stripped bytes to store under the name, or why the content is refused (in words for the one who sent it).</summary>
    /// <param name="fileName">The name the file will have; its content must already have passed <see cref="AcceptedMedia.CheckContent"/>.</param>
    public static (byte[]? Bytes, string? Error) From(string fileName, byte[] content)
    {
        var name = Path.GetFileName(fileName);
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return (null, $"“{name}” could not be read as an image; it may be damaged. Save it again from an image program and upload that.");
        }

        var info = codec.Info;
        if ((long)info.Width * info.Height > MaxPixels)
        {
            return (null, $"“{name}” is {info.Width} × {info.Height} pixels; images can have at most {MaxPixels / 1_000_000} million pixels, so make it smaller.");
        }

        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return (null, $"“{name}” could not be read as an image; it may be damaged. Save it again from an image program and upload that.");
        }

        // A photo stored on its side is turned by its EXIF tag; without the tag it must be turned in its pixels, so encoded again.
        if (codec.EncodedOrigin != SKEncodedOrigin.TopLeft && codec.EncodedFormat is SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Webp)
        {
            using var upright = ImageOrientation.Upright(decoded, codec.EncodedOrigin);
            using var encoded = upright.Encode(codec.EncodedFormat, Quality);
            return encoded is null ? (null, $"“{name}” could not be stored as an image.") : (encoded.ToArray(), null);
        }

        // Otherwise the metadata is cut out and the picture copied as it is: nothing lost, and a stripped file comes out unchanged.
        var stripped = codec.EncodedFormat switch
        {
            SKEncodedImageFormat.Jpeg => JpegSegments.WithoutMetadata(content),
            SKEncodedImageFormat.Png => PngChunks.WithoutMetadata(content),
            SKEncodedImageFormat.Webp => WebpChunks.WithoutMetadata(content),
            SKEncodedImageFormat.Gif => GifBlocks.WithoutMetadata(content),
            _ => null,
        };
        return stripped is null
            ? (null, $"“{name}” could not be read as an image; its structure is damaged. Save it again from an image program and upload that.")
            : (stripped, null);
    }
}
