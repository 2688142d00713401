using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Media;
using Cms.Recipes;
using Cms.Recipes.Export;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Cms.Core.Tests.Media;

/// <summary>
/// Issue 11, item 3: an export takes the practice's media from its store, a file written into the recipe in pieces
/// (never held whole), and an import of that recipe puts the same bytes into another practice's store.
/// </summary>
public sealed class MediaExportTests
{
    [SkippableTheory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AnExportCarriesEveryMediaFileByteForByte(DatabaseProvider provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await using var services = await storage.StartAsync();
        var source = await RecipeTenant.CreateAsync(services, "source");
        var copy = await RecipeTenant.CreateAsync(services, "copy");
        var store = services.GetRequiredService<IMediaStore>();
        // Sizes around the exporter's 192 KiB pieces: one short of a piece, exactly two, and several and a bit.
        var files = new Dictionary<string, byte[]>
        {
            ["small.png"] = Png(196_607, seed: 1),
            ["team/exact.png"] = Png(2 * 196_608, seed: 2),
            ["team/large.png"] = Png(4 * 196_608 + 5, seed: 3),
        };
        foreach (var (path, content) in files)
        {
            await store.WriteAsync(source.Tenant, path, new MemoryStream(content), default);
        }

        var export = Path.Combine(storage.DataPath, "export.recipe.json");
        await using (var output = File.Create(export))
        {
            Assert.True(await services.GetRequiredService<TenantRecipes>().ExportAsync("source", new ExportOptions(), output, default));
        }

        var imported = await copy.ImportAsync(export);

        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));
        Assert.Equal(files.Keys.Order(StringComparer.Ordinal), (await store.ListAsync(copy.Tenant, default)).Select(e => e.Path));
        foreach (var (path, content) in files)
        {
            var file = await store.OpenAsync(copy.Tenant, path, default);
            Assert.Equal(content, await File.ReadAllBytesAsync(file!.FilePath));
        }
    }

    // A PNG of noise (which does not compress) of exactly this length: an image the import decodes, padded to the
    // length with empty IDAT chunks (12 bytes each) after the last one, which decoders read past.
    private static byte[] Png(int length, int seed)
    {
        byte[] emptyIdat = [0, 0, 0, 0, .. "IDAT"u8, 0x35, 0xAF, 0x06, 0x1E];
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
            if (gap >= 0 && gap % emptyIdat.Length == 0)
            {
                var end = png.Length - 12; // IEND
                return [.. png[..end], .. Enumerable.Repeat(emptyIdat, gap / emptyIdat.Length).SelectMany(c => c), .. png[end..]];
            }
        }

        throw new InvalidOperationException($"No noise PNG pads to {length} bytes.");
    }
}
