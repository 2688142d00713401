using Cms.Media;
using Cms.Practice.Rendering;

namespace Cms.Web.Tests.Practice;

/// <summary>Issue 14, item 6: how a page writes an image's URLs: under the prefix, with its version, escaped so a name with a space or a comma stays one candidate of an srcset.</summary>
public sealed class MediaUrlTests
{
    private static readonly RequestInfo s_request = new()
    {
        Base = "/riverbend",
        Origin = "https://example.org",
        Path = "/",
        Media = path => Task.FromResult(path switch
        {
            "team/Ana Smith, LPC.png" => new MediaImage(path, "0123456789abcdef", 1000, 800, Resizable: true),
            "team/wave.gif" => new MediaImage(path, "fedcba9876543210", 2000, 500, Resizable: false),
            _ => null,
        }),
    };

    [Fact]
    public async Task AnImagesCandidatesAreItsNarrowerCopiesThenItselfEachEscaped()
    {
        const string Href = "/riverbend/media/team/Ana%20Smith%2C%20LPC.png";

        Assert.Equal(
            $"{Href}?w=400&v=0123456789abcdef 400w, {Href}?w=800&v=0123456789abcdef 800w, {Href}?v=0123456789abcdef 1000w",
            await s_request.SrcsetAsync("/media/team/Ana Smith, LPC.png"));
        Assert.Equal($"{Href}?v=0123456789abcdef", await s_request.VersionedHrefAsync("~/media/team/Ana%20Smith%2C%20LPC.png"));
    }

    [Fact]
    public async Task AnAnimationIsOfferedOnlyAsItIs() =>
        Assert.Equal("/riverbend/media/team/wave.gif?v=fedcba9876543210 2000w", await s_request.SrcsetAsync("/media/team/wave.gif"));

    [Theory]
    [InlineData("/media/team/missing.png", "/riverbend/media/team/missing.png")]
    [InlineData("/media/team/wave.gif?x=1", "/riverbend/media/team/wave.gif?x=1")]
    [InlineData("https://cdn.example.org/a.png", "https://cdn.example.org/a.png")]
    [InlineData("/articles", "/riverbend/articles")]
    public async Task AnythingElseIsLinkedAsHrefLinksIt(string url, string expected)
    {
        Assert.Equal(expected, await s_request.SrcsetAsync(url));
        Assert.Equal(expected, await s_request.VersionedHrefAsync(url));
    }

    [Fact]
    public async Task ABodysLibraryImagesAreLinkedAsTheThemesAreAndTheRestIsLeftAsItIs()
    {
        const string Body = """
            <p>Before.</p>
            <p><img src="/media/team/Ana%20Smith%2C%20LPC.png" alt="Ana &amp; the river" /></p>
            <p><img src="/media/team/Ana%20Smith%2C%20LPC.png" alt="Sized" width="300"></p>
            <p><img src="/media/team/missing.png" alt="Not in the library"> <img src="https://cdn.example.org/a.png" alt="Elsewhere"></p>
            """;
        const string Href = "/riverbend/media/team/Ana%20Smith%2C%20LPC.png";
        const string Candidates = $"{Href}?w=400&amp;v=0123456789abcdef 400w, {Href}?w=800&amp;v=0123456789abcdef 800w, {Href}?v=0123456789abcdef 1000w";
        const string Sizes = "(max-width: 46rem) calc(100vw - 2.5rem), 42rem";

        var shown = await s_request.BodyAsync(Body);

        Assert.Equal($"""
            <p>Before.</p>
            <p><img src="{Href}?v=0123456789abcdef" srcset="{Candidates}" sizes="{Sizes}" alt="Ana &amp; the river" width="1000" height="800"></p>
            <p><img src="{Href}?v=0123456789abcdef" srcset="{Candidates}" sizes="{Sizes}" alt="Sized" width="300"></p>
            <p><img src="/riverbend/media/team/missing.png" alt="Not in the library"> <img src="https://cdn.example.org/a.png" alt="Elsewhere"></p>
            """, shown);
    }
}
