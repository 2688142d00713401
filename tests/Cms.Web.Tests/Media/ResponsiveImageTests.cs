using System.Net;
using System.Net.Http.Headers;
using Cms.Web.Tests.Admin;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Cms.Web.Tests.Media;

/// <summary>
/// Issue 14, item 6: a page offers each image of the library at the widths narrower than it of 400, 800 and 1600 px
/// (<c>srcset</c> with <c>sizes</c>), resized from the file and never wider than it, each linked with a version of the
/// file's content and kept a year at that URL; a file replaced (on the media page, by a recipe) gets its new version on
/// the pages that were cached with the old one, and the old URL is asked about on each use.
/// </summary>
public sealed class ResponsiveImageTests : IClassFixture<CmsFactory>
{
    private const string Dana = PublicSite.Base + "/counselors/dana-whitfield";
    private const string Article = PublicSite.Base + "/articles/when-unwanted-thoughts-wont-leave-you-alone";
    private const string Year = "public, max-age=31536000, immutable";

    private readonly CmsFactory _factory;

    public ResponsiveImageTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task APhotoIsOfferedAtEachNarrowerWidthAndItsReplacementGetsANewVersion()
    {
        var reader = _factory.Client();
        var before = await ImageAsync(reader, Dana, "img.portrait-large");
        // The demo's portrait is 480 px wide: a 400 px copy and itself, nothing made wider.
        Assert.Equal([400, 480], before.Candidates.Select(c => c.Width));
        Assert.Equal("180px", before.Sizes);
        (await reader.GetAsync(before.Candidates[0].Url)).Dispose();
        Assert.NotEmpty(Copies(before.Version));
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        using (var replaced = await MediaSite.ReplaceAsync(admin, "counselors/dana-whitfield.png", "Dana 2025.png", Png(2000, 1500)))
        {
            Assert.Equal(HttpStatusCode.Found, replaced.StatusCode);
        }

        // The page was cached with the old version: it is rendered again with the new one.
        var after = await ImageAsync(reader, Dana, "img.portrait-large");
        Assert.NotEqual(before.Version, after.Version);
        Assert.Equal([400, 800, 1600, 2000], after.Candidates.Select(c => c.Width));
        Assert.EndsWith("/media/counselors/dana-whitfield.png?v=" + after.Version, after.Src, StringComparison.Ordinal);
        // A shared page's picture too: a crawler that kept the old one is given the new address.
        Assert.Equal("http://localhost" + after.Src, (await PublicSite.PageAsync(reader, Dana)).QuerySelector("meta[property='og:image']")?.GetAttribute("content"));
        foreach (var (url, width) in after.Candidates)
        {
            using var response = await reader.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(Year, response.Headers.CacheControl?.ToString());
            using var image = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal((width, width * 3 / 4), (image.Width, image.Height));
        }

        // The old version's URL and the plain one serve the new file, asked about on each use (304 by the tag).
        foreach (var url in new[] { before.Src, PublicSite.Base + "/media/counselors/dana-whitfield.png" })
        {
            using var response = await reader.GetAsync(url);
            Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
            using (var image = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync()))
            {
                Assert.Equal(2000, image.Width);
            }

            using var again = new HttpRequestMessage(HttpMethod.Get, url);
            again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
            using var revalidated = await reader.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        }

        // The copies are kept outside the library: the media page lists the one file. The replaced content's are gone.
        Assert.Equal(["counselors/dana-whitfield.png"], await MediaSite.PathsAsync(admin, "?q=dana-whitfield"));
        Assert.Equal(3, Copies(after.Version).Count);
        Assert.Empty(Copies(before.Version));
    }

    [Fact]
    public async Task AFileDeletedOnTheMediaPageTakesItsCopiesWithIt()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var path = await MediaSite.UploadOneAsync(admin, "short-lived.png", Png(1000, 600));
        var reader = _factory.Client();
        (await reader.GetAsync($"{PublicSite.Base}/media/{path}?w=400")).Dispose();
        var copies = Directory.GetFiles(SizesFolder(), "*-400.png").Length;

        using var deleted = await MediaSite.DeleteAsync(admin, path);

        Assert.Equal(HttpStatusCode.Found, deleted.StatusCode);
        Assert.Equal(copies - 1, Directory.GetFiles(SizesFolder(), "*-400.png").Length);
        using var gone = await reader.GetAsync($"{PublicSite.Base}/media/{path}?w=400");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [InlineData("?w=123")]
    [InlineData("?w=abc")]
    [InlineData("?w=-400")]
    [InlineData("?w=400&w=800")]
    public async Task AWidthNotOfferedIsNotFound(string query)
    {
        using var response = await _factory.Client().GetAsync(PublicSite.Base + "/media/counselors/marcus-bell.png" + query);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AnImageIsNeverMadeWiderThanItIs()
    {
        var reader = _factory.Client();
        var original = await reader.GetByteArrayAsync(PublicSite.Base + "/media/counselors/marcus-bell.png");

        foreach (var width in new[] { 800, 1600 })
        {
            Assert.Equal(original, await reader.GetByteArrayAsync($"{PublicSite.Base}/media/counselors/marcus-bell.png?w={width}"));
        }

        // The demo's 480 px PNG is well compressed: encoded again at 400 px it comes out bigger, so the file itself is sent.
        var copy = await reader.GetByteArrayAsync(PublicSite.Base + "/media/counselors/marcus-bell.png?w=400");
        Assert.True(copy.Length <= original.Length, $"the 400 px answer is {copy.Length} bytes, the file {original.Length}");
    }

    [Fact]
    public async Task AnImageARecipeReplacesGetsItsNewVersionOnTheCachedPage()
    {
        var reader = _factory.Client();
        var before = await ImageAsync(reader, Article, "figure.feature img");
        Assert.Equal([400, 800, 1200], before.Candidates.Select(c => c.Width));

        var result = await MediaRecipe.ImportAsync(_factory, "riverbend", "articles/passing-clouds.png", Png(1800, 945));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));

        var after = await ImageAsync(reader, Article, "figure.feature img");
        Assert.NotEqual(before.Version, after.Version);
        Assert.Equal([400, 800, 1600, 1800], after.Candidates.Select(c => c.Width));
    }

    private string SizesFolder() =>
        Path.Combine(_factory.Services.GetRequiredService<Cms.Data.CmsDatabase>().TenantFolder("riverbend"), Cms.Media.MediaImages.FolderName);

    private List<string> Copies(string version) =>
        Directory.Exists(SizesFolder()) ? [.. Directory.GetFiles(SizesFolder(), version + "-*")] : [];

    private static async Task<PageImage> ImageAsync(HttpClient reader, string page, string selector)
    {
        var img = (await PublicSite.PageAsync(reader, page)).QuerySelector(selector) ?? throw new InvalidOperationException($"no {selector} on {page}");
        var candidates = (img.GetAttribute("srcset") ?? "").Split(", ", StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.Split(' '))
            .Select(c => (Url: c[0], Width: int.Parse(c[1].TrimEnd('w'), System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        var src = img.GetAttribute("src")!;
        return new PageImage(src, src[(src.IndexOf("?v=", StringComparison.Ordinal) + 3)..], img.GetAttribute("sizes"), candidates);
    }

    // A picture with something in it (a PNG of one colour would be a few bytes at any size).
    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SeaGreen);
            using var paint = new SKPaint { Color = SKColors.Goldenrod, IsAntialias = true };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, paint);
        }

        using var encoded = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return encoded.ToArray();
    }

    private sealed record PageImage(string Src, string Version, string? Sizes, List<(string Url, int Width)> Candidates);
}
