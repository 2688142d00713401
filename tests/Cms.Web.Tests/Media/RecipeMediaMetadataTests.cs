using Cms.Media;
using Cms.Tenancy;
using Cms.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests.Media;

/// <summary>Issue 14, item 6: a recipe's media step stores a photo without its GPS metadata, and refuses a file that is not a decodable image, storing nothing.</summary>
public sealed class RecipeMediaMetadataTests : IClassFixture<CmsFactory>
{
    private readonly CmsFactory _factory;

    public RecipeMediaMetadataTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task ARecipesPhotoIsStoredWithoutItsPosition()
    {
        await PracticeStorage.NewPracticeAsync(_factory, "quill");

        var result = await MediaRecipe.ImportAsync(_factory, "quill", "team/ana.jpg", PhonePhoto.Jpeg(320, 240));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var stored = await StoredAsync("quill", "team/ana.jpg");
        Assert.NotNull(stored);
        Assert.False(PhonePhoto.HasMetadata(stored));
    }

    [Fact]
    public async Task AFileThatOnlyStartsLikeAJpegIsRefusedAndNothingIsStored()
    {
        await PracticeStorage.NewPracticeAsync(_factory, "rush");

        var result = await MediaRecipe.ImportAsync(_factory, "rush", "team/broken.jpg", [0xFF, 0xD8, 0xFF, 0xE0, .. "not really a photo"u8.ToArray()]);

        Assert.False(result.Applied);
        var error = Assert.Single(result.Errors);
        Assert.Equal("/steps/0/Files/0/Base64", error.Location);
        Assert.Contains("“broken.jpg” could not be read as an image", error.Message, StringComparison.Ordinal);
        Assert.Null(await StoredAsync("rush", "team/broken.jpg"));
    }

    private async Task<byte[]?> StoredAsync(string practice, string path)
    {
        var tenant = (await _factory.Services.GetRequiredService<TenantManager>().FindAsync(practice, default))!;
        return await _factory.Services.GetRequiredService<IMediaStore>().OpenAsync(tenant, path, default) is { } file ? await File.ReadAllBytesAsync(file.FilePath) : null;
    }
}
