using System.Text;
using Cms.Practice.Rendering;

namespace Cms.Web.Tests.Practice;

/// <summary>A rendered page as the cache keeps it: its UTF-8 bytes cut where view counts go, and its entity tag.</summary>
public sealed class CachedPageTests
{
    private const string Marker = CachedPage.ViewsMarker;

    [Fact]
    public void ThePageIsCutAtEveryViewCountAndKeepsEveryCharacter()
    {
        var page = CachedPage.Create($"<p>Über 🙂</p>{Marker} · {Marker}<p>Ende</p>", PracticePages.Html);

        Assert.Equal(["<p>Über 🙂</p>", " · ", "<p>Ende</p>"], page.Segments.Select(Encoding.UTF8.GetString));
        Assert.Equal(Encoding.UTF8.GetByteCount("<p>Über 🙂</p> · <p>Ende</p>"), page.Length);
        Assert.Equal(["<p>no count</p>"], CachedPage.Create("<p>no count</p>", PracticePages.Html).Segments.Select(Encoding.UTF8.GetString));
        Assert.Equal(["", ""], CachedPage.Create(Marker, PracticePages.Html).Segments.Select(Encoding.UTF8.GetString));
    }

    [Fact]
    public void TheTagIsTheSameForTheSameBytesAndDiffersWhenTheyChangeOrMoveAcrossTheCount()
    {
        var tag = CachedPage.Create($"<p>a</p>{Marker}<p>b</p>", PracticePages.Html).ETag(null);

        Assert.Equal(tag, CachedPage.Create($"<p>a</p>{Marker}<p>b</p>", PracticePages.Html).ETag(null));
        Assert.NotEqual(tag, CachedPage.Create($"<p>a</p>{Marker}<p>c</p>", PracticePages.Html).ETag(null));
        Assert.NotEqual(tag, CachedPage.Create($"<p>a</p><p>{Marker}b</p>", PracticePages.Html).ETag(null));
        Assert.Matches("^\"[A-Za-z0-9_-]{22}\"$", tag);
        Assert.Equal(tag.TrimEnd('"') + "-35\"", CachedPage.Create($"<p>a</p>{Marker}<p>b</p>", PracticePages.Html).ETag(35));
    }
}
