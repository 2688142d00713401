using System.Net;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cms.Web.Tests.Admin;

/// <summary>
/// Issue 14, item 7: deleting on the media page is refused while anything uses the file (a media field, an address in a
/// Markdown body), naming the items with links to their editors; an unused file is deleted after a confirmation.
/// </summary>
public sealed class MediaPageDeleteTests : IClassFixture<CmsFactory>
{
    private readonly CmsFactory _factory;

    public MediaPageDeleteTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task AFileInAMediaFieldIsNotDeletedAndItsUsersAreNamed()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var confirm = await PublicSite.PageAsync(admin, MediaSite.Page + "?delete=counselors/marcus-bell.png");
        using var response = await MediaSite.DeleteAsync(admin, "counselors/marcus-bell.png");
        var refused = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), MediaSite.Page);

        Assert.Null(confirm.QuerySelector("form[action*='handler=Delete']"));
        Assert.NotNull(confirm.QuerySelector($".media-uses a[href='{AdminSite.Base}/admin/content/counselormarcusbell0000001']"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("“counselors/marcus-bell.png” is used by 1 item", refused.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Marcus Bell", refused.QuerySelector($".media-uses a[href='{AdminSite.Base}/admin/content/counselormarcusbell0000001']")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await _factory.Client().GetAsync(AdminSite.Base + "/media/counselors/marcus-bell.png")).StatusCode);
    }

    [Fact]
    public async Task AFileInAMarkdownBodyIsNotDeletedAndTheArticleIsNamed()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var path = await MediaSite.UploadOneAsync(admin, "in-a-body.png");
        await PublicSite.ImportAsync(_factory.Client(), AdminSite.Base, PublicSite.ArticleRecipe("mediainbody000000000001", "Body With Image", "articles/body-with-image", published: false)
            .Replace("## A heading\\n\\nSome words about Body With Image.", $"Before.\\n\\n![The river](/media/{path})", StringComparison.Ordinal));

        using var response = await MediaSite.DeleteAsync(admin, path);
        var refused = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), MediaSite.Page);

        Assert.Contains($"“{path}” is used by 1 item", refused.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Body With Image", refused.QuerySelector($".media-uses a[href='{AdminSite.Base}/admin/content/mediainbody000000000001']")!.TextContent);
        Assert.Equal([path], await MediaSite.PathsAsync(admin, "?q=in-a-body"));
    }

    /// <summary>
    /// Each version keeps the files it names when it is stored; the rows of a practice stored before that have no such list
    /// and are read from their JSON, so the page still finds what they use.
    /// </summary>
    [Fact]
    public async Task AnItemStoredBeforeItsMediaWereKeptWithItIsStillNamed()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var path = await MediaSite.UploadOneAsync(admin, "kept-before.png");
        const string Id = "mediakeptbefore00000001";
        await PublicSite.ImportAsync(_factory.Client(), AdminSite.Base, PublicSite.ArticleRecipe(Id, "Stored Before", "articles/stored-before", published: true)
            .Replace("## A heading\\n\\nSome words about Stored Before.", $"![The river](/riverbend/media/{Uri.EscapeDataString(path)})", StringComparison.Ordinal));
        await using (var db = await PracticeStorage.OpenDbAsync(_factory, "riverbend"))
        {
            Assert.Equal(path, await db.ContentItems.Where(c => c.ContentItemId == Id).Select(c => c.MediaPaths).SingleAsync());
            await db.ContentItems.Where(c => c.ContentItemId == Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.MediaPaths, (string?)null));
        }

        using var response = await MediaSite.DeleteAsync(admin, path);
        var refused = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), MediaSite.Page);

        Assert.Equal("Stored Before", refused.QuerySelector($".media-uses a[href='{AdminSite.Base}/admin/content/{Id}']")!.TextContent);
    }

    [Fact]
    public async Task AnUnusedFileIsDeletedAfterAConfirmation()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var path = await MediaSite.UploadOneAsync(admin, "delete-me.png");

        var confirm = await PublicSite.PageAsync(admin, MediaSite.Page + "?delete=" + Uri.EscapeDataString(path));
        using var response = await MediaSite.DeleteAsync(admin, path);

        Assert.Contains("Nothing uses it", confirm.QuerySelector(".media-delete")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(path, confirm.QuerySelector(".media-delete input[name=path]")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Empty(await MediaSite.PathsAsync(admin, "?q=delete-me"));
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.Client().GetAsync(AdminSite.Base + "/media/" + path)).StatusCode);
    }

    [Theory]
    [InlineData("counselors/nobody.png")]
    [InlineData("../../host.db")]
    public async Task DeletingAFileThatIsNotInTheLibraryIsRefused(string path)
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var before = await MediaSite.PathsAsync(admin, "");

        using var response = await MediaSite.DeleteAsync(admin, path);
        var refused = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), MediaSite.Page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"There is no file “{path}” in the media library", refused.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await MediaSite.PathsAsync(admin, ""));
    }
}
