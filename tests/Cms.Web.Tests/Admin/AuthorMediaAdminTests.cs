using System.Net;
using System.Text.Json.Nodes;
using Cms.Recipes.Steps;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>
/// Issue 13, item 7: the practice recipe's Author role has Orchard's ManageOwnMediaContent, and an Author may upload the image
/// of an article they write; so may an Author whose role was stored with the former name ManageOwnMedia.
/// </summary>
public sealed class AuthorMediaAdminTests : IClassFixture<CmsFactory>
{
    private const string Dana = "counselordanawhitfield0001";

    private static readonly byte[] s_png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private readonly CmsFactory _factory;

    public AuthorMediaAdminTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task APracticesAuthorMayUploadTheImageOfTheirArticle()
    {
        var admin = await PracticeStorage.NewPracticeAsync(_factory, "hazel", withSample: true);
        var author = await AddAuthorAsync(admin, "hazel");

        var saved = await SaveArticleWithImageAsync(author, "hazel");

        Assert.Equal(["AccessAdminPanel", "EditOwnContent", "DeleteOwnContent", "PreviewContent", "ManageOwnMediaContent"],
            (await PracticeStorage.GetAsync<JsonObject>(_factory, "hazel", RecipeDocuments.Roles))!["Author"]!["Permissions"]!.AsArray().Select(p => (string?)p));
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
    }

    [Fact]
    public async Task AnAuthorWhoseRoleWasStoredWithTheFormerNameMayUploadToo()
    {
        var admin = await PracticeStorage.NewPracticeAsync(_factory, "ivy", withSample: true);
        var roles = (await PracticeStorage.GetAsync<JsonObject>(_factory, "ivy", RecipeDocuments.Roles))!;
        roles["Author"]!["Permissions"] = new JsonArray("AccessAdminPanel", "EditOwnContent", "ManageOwnMedia");
        await PracticeStorage.SetAsync(_factory, "ivy", RecipeDocuments.Roles, roles);
        var author = await AddAuthorAsync(admin, "ivy");

        var saved = await SaveArticleWithImageAsync(author, "ivy");

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
    }

    private async Task<HttpClient> AddAuthorAsync(HttpClient admin, string practice)
    {
        var added = await AdminSite.PostFormAsync(admin, $"/{practice}/admin/users", [new("NewUserName", "writer"), new("NewPassword", PracticeStorage.Password), new("NewRoles", "Author")], "Add");
        Assert.Equal(HttpStatusCode.Found, added.StatusCode);
        return await AdminSite.SignInAsync(_factory, "writer", PracticeStorage.Password, "/" + practice);
    }

    // A new article with a sample counselor as its author (required) and an uploaded image; a refused upload shows the form again (200).
    private static async Task<HttpResponseMessage> SaveArticleWithImageAsync(HttpClient author, string practice)
    {
        return await AdminSite.PostWithUploadAsync(author, $"/{practice}/admin/content/new/Article", "Article.FeatureImage.Upload", "quiet-room.png", s_png,
            fields => fields.With("TitlePart.Title", "Rooms that help").With("Article.Authors", Dana).With("Article.FeatureImage.Alt", "A quiet room"));
    }
}
