using System.Net;
using System.Net.Http.Json;
using Cms.Tenancy;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests.Admin;

/// <summary>The media library the editor chooses images from (GET /admin/media/library), and the image paths an editor form may give.</summary>
public sealed class MediaLibraryAdminTests : IClassFixture<CmsFactory>
{
    private const string Password = "a-long-password-1";
    private const string Library = AdminSite.Base + "/admin/media/library";
    private const string Dana = AdminSite.Base + "/admin/content/counselordanawhitfield0001";

    // The smallest PNG there is (1×1), enough for the upload's signature check.
    private static readonly byte[] s_png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private readonly CmsFactory _factory;

    public MediaLibraryAdminTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task AnImageUploadedInTheEditorIsListedForItsPracticeOnly()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var saved = await AdminSite.PostWithUploadAsync(admin, Dana, "Counselor.Photo.Upload", "Dana at the Window.png", s_png);
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);

        var all = await LibraryAsync(admin, Library);
        var uploaded = Assert.Single(all.Files, f => f.Name.StartsWith("dana-at-the-window-", StringComparison.Ordinal));
        Assert.Matches(@"^uploads/\d{4}/\d{2}/dana-at-the-window-[0-9a-f]{6}\.png$", uploaded.Path);
        Assert.Equal(s_png.Length, uploaded.Size);
        Assert.Equal(AdminSite.Base + "/media/" + uploaded.Path, uploaded.Url);
        Assert.Equal(uploaded.Path, all.Files[0].Path);
        Assert.Contains(all.Files, f => f.Path == "counselors/marcus-bell.png");
        Assert.Equal(s_png, await _factory.Client().GetByteArrayAsync(uploaded.Url));
        Assert.Equal([uploaded.Path], (await LibraryAsync(admin, Library + "?q=WINDOW")).Files.Select(f => f.Path));
        Assert.Empty((await LibraryAsync(admin, Library + "?q=nothing-is-called-this")).Files);

        var created = await _factory.Services.GetRequiredService<TenantManager>().CreateAsync(
            new CreateTenantRequest { Name = "willow", Prefix = "willow", RecipeName = "practice", AdminUserName = "willow-admin", AdminPassword = Password }, default);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        var other = await AdminSite.SignInAsync(_factory, "willow-admin", Password, "/willow");
        var theirs = await LibraryAsync(other, "/willow/admin/media/library");
        Assert.DoesNotContain(theirs.Files, f => f.Name.StartsWith("dana-at-the-window-", StringComparison.Ordinal));
        Assert.Empty((await LibraryAsync(other, "/willow/admin/media/library?q=window")).Files);
    }

    [Fact]
    public async Task TheLibraryIsForPeopleWhoEditContent()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await AdminSite.AddUserAsync(admin, "mediaauthor", Password, "Author");
        var author = await AdminSite.SignInAsync(_factory, "mediaauthor", Password);

        using var anonymous = await _factory.Client().GetAsync(Library);

        Assert.NotEmpty((await LibraryAsync(author, Library)).Files);
        Assert.Equal(HttpStatusCode.Found, anonymous.StatusCode);
        Assert.StartsWith(AdminSite.Base + "/login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../host.db", "is not a place in the media library")]
    [InlineData("counselors/../../riverbend.db", "is not a place in the media library")]
    [InlineData("/etc/passwd", "is not an image")]
    [InlineData("counselors/nobody.png", "There is no image “counselors/nobody.png” in the media library")]
    public async Task APathOutsideTheLibraryOrToNoImageIsRefusedAndNothingIsSaved(string path, string message)
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var fields = (await AdminSite.FormFieldsAsync(admin, Dana)).With("Counselor.Photo", path).With("TitlePart.Title", "Dana Whitfield, Renamed").With("action", "draft");

        var response = await AdminSite.PostFormAsync(admin, Dana, fields);
        var page = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), Dana);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, page.QuerySelector("[data-kind=MediaField] .error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(path, page.QuerySelector("input[name='Counselor.Photo']")!.GetAttribute("value"));
        Assert.Equal("Dana Whitfield, Renamed", page.QuerySelector("input[name='TitlePart.Title']")!.GetAttribute("value"));
        Assert.DoesNotContain("Renamed", await admin.GetStringAsync(Dana), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnImageOfTheLibraryCanBeGivenByItsPath()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var fields = (await AdminSite.FormFieldsAsync(admin, Dana)).With("Counselor.Photo", "counselors/marcus-bell.png").With("action", "draft");

        var response = await AdminSite.PostFormAsync(admin, Dana, fields);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("counselors/marcus-bell.png", (await PublicSite.PageAsync(admin, Dana)).QuerySelector("input[name='Counselor.Photo']")!.GetAttribute("value"));
    }

    private static async Task<Page> LibraryAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        return (await response.Content.ReadFromJsonAsync<Page>())!;
    }

    private sealed record Page(List<File> Files, int Total, bool More);

    private sealed record File(string Path, string Name, long Size, string Url);
}
