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
}
