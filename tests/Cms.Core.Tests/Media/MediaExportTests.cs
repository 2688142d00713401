using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Media;
using Cms.Recipes;
using Cms.Recipes.Export;
using Microsoft.Extensions.DependencyInjection;

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

    // An image the import decodes and keeps byte for byte.
    private static byte[] Png(int length, int seed) => NoisePng.Of(length, seed);
}
