using System.Net;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>
/// Issue 14, item 2: a body's image is stored as a page of the site (<c>/media/…</c>); the editor's preview and the public
/// page both put it under the address the practice is reached at, the prefix or its host name, so they show the same image.
/// </summary>
public sealed class BodyImageAddressTests : IClassFixture<CmsFactory>
{
    // The second image is typed with the practice's prefix, as copied from the browser's address bar.
    private const string Markdown = "Before.\n\n![Clouds passing over the river](/media/articles/passing-clouds.png)\n\n[Fees](~/fees)\n\n![Typed](/riverbend/media/articles/passing-clouds.png)";

    private readonly CmsFactory _factory;

    public BodyImageAddressTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Theory]
    [InlineData("localhost", AdminSite.Base)]
    [InlineData("riverbend.localhost", "")]
    public async Task ThePreviewAndThePublicPageAskForTheSameImageAndItIsServed(string host, string tenantBase)
    {
        var admin = _factory.Client(host);
        Assert.Equal(HttpStatusCode.Found, (await CmsFactory.SignInAsync(admin, tenantBase, CmsFactory.AdminUser, CmsFactory.AdminPassword)).StatusCode);
        var id = "bodyimage" + (tenantBase.Length == 0 ? "host" : "prefix") + "00000000001";
        var path = "articles/body-image-" + (tenantBase.Length == 0 ? "host" : "prefix");
        await PublicSite.ImportAsync(_factory.Client(), AdminSite.Base, PublicSite.ArticleRecipe(id, "Body Image", path, published: true)
            .Replace("## A heading\\n\\nSome words about Body Image.", Markdown.Replace("\n", "\\n", StringComparison.Ordinal), StringComparison.Ordinal));

        var preview = await admin.PostAsync(tenantBase + "/admin/preview/markdown", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["markdown"] = Markdown,
            ["__RequestVerificationToken"] = await AdminSite.AntiforgeryTokenAsync(admin, tenantBase + "/admin"),
        }));
        var previewed = await PublicSite.ParseAsync(await preview.Content.ReadAsStringAsync(), "/preview");
        var page = await PublicSite.PageAsync(_factory.Client(host), tenantBase + "/" + path);

        var expected = tenantBase + "/media/articles/passing-clouds.png";
        Assert.Equal(expected, previewed.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal(expected, previewed.QuerySelector("img[alt='Typed']")!.GetAttribute("src"));
        // The public page links the same file with its version and its copies, as the theme's own images (item 6).
        var shown = page.QuerySelector("img[alt='Clouds passing over the river']")!;
        Assert.Matches($"^{expected}\\?v=[0-9a-f]{{16}}$", shown.GetAttribute("src"));
        Assert.Equal(["400w", "800w", "1200w"], shown.GetAttribute("srcset")!.Split(", ").Select(c => c.Split(' ')[1]));
        Assert.All(shown.GetAttribute("srcset")!.Split(", "), c => Assert.StartsWith(expected + "?", c, StringComparison.Ordinal));
        Assert.Equal(("1200", "630"), (shown.GetAttribute("width"), shown.GetAttribute("height")));
        Assert.NotNull(shown.GetAttribute("sizes"));
        Assert.Equal(shown.GetAttribute("src"), page.QuerySelector("img[alt='Typed']")!.GetAttribute("src"));
        Assert.Equal(tenantBase + "/fees", previewed.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector($"a[href='{tenantBase}/fees']"));
        using var image = await _factory.Client(host).GetAsync(expected);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
    }
}
