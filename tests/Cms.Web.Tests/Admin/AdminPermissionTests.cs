using System.Net;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>Who may open which admin page and do what: every role against every page built so far.</summary>
public sealed class AdminPermissionTests : IClassFixture<CmsFactory>, IAsyncLifetime
{
    private const string Password = "a-long-password-1";
    private const string DanaProfile = AdminSite.Base + "/admin/content/counselordanawhitfield0001";

    private static readonly string[] s_pages =
    [
        "/admin", "/admin/content", "/admin/content?type=Counselor", "/admin/content/new/Article",
        "/admin/content/counselordanawhitfield0001", "/admin/content/counselordanawhitfield0001/delete", "/admin/users",
    ];

    private readonly CmsFactory _factory;
    private HttpClient _admin = null!;

    public AdminPermissionTests(CmsFactory factory)
    {
        _factory = factory;
    }

    public async Task InitializeAsync()
    {
        _admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var users = await _admin.GetStringAsync(AdminSite.Base + "/admin/users");
        if (!users.Contains("editor1", StringComparison.Ordinal))
        {
            await AdminSite.AddUserAsync(_admin, "editor1", Password, "Editor");
            await AdminSite.AddUserAsync(_admin, "author1", Password, "Author");
            await AdminSite.AddUserAsync(_admin, "author2", Password, "Author");
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(null, new[] { 302, 302, 302, 302, 302, 302, 302 })]
    [InlineData("author1", new[] { 200, 200, 200, 200, 403, 403, 403 })]
    [InlineData("editor1", new[] { 200, 200, 200, 200, 200, 200, 403 })]
    [InlineData("admin", new[] { 200, 200, 200, 200, 200, 200, 200 })]
    public async Task EachRoleOpensExactlyThePagesItMay(string? user, int[] expected)
    {
        var client = user switch
        {
            null => _factory.Client(),
            "admin" => _admin,
            _ => await AdminSite.SignInAsync(_factory, user, Password),
        };

        var actual = new List<int>();
        foreach (var page in s_pages)
        {
            using var response = await client.GetAsync(AdminSite.Base + page);
            actual.Add((int)response.StatusCode);
            if (response.StatusCode == HttpStatusCode.Found)
            {
                var location = response.Headers.Location!;
                Assert.StartsWith(AdminSite.Base + "/login", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
            }
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task AnAuthorWritesADraftButCannotPublishItNorTouchAnotherAuthorsArticle()
    {
        var author = await AdminSite.SignInAsync(_factory, "author1", Password);
        var saved = await AdminSite.PostFormAsync(author, AdminSite.Base + "/admin/content/new/Article", Article("Sleep and Worry", "draft"));
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        var editPath = saved.Headers.Location!.OriginalString.Split('?')[0];

        var publish = await AdminSite.PostFormAsync(author, editPath, Article("Sleep and Worry", "publish"));
        var page = await publish.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
        Assert.Contains("an editor publishes", page, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"publish\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.Client().GetAsync(AdminSite.Base + "/articles/sleep-and-worry")).StatusCode);

        var other = await AdminSite.SignInAsync(_factory, "author2", Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(editPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(editPath + "/delete")).StatusCode);

        // An editor publishes it, and the public site shows it at once.
        var editor = await AdminSite.SignInAsync(_factory, "editor1", Password);
        var published = await AdminSite.PostFormAsync(editor, editPath, Article("Sleep and Worry", "publish"));
        Assert.Equal(HttpStatusCode.Found, published.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _factory.Client().GetAsync(AdminSite.Base + "/articles/sleep-and-worry")).StatusCode);
    }

    [Fact]
    public async Task AFormPostedWithoutItsAntiforgeryTokenIsRefusedAndChangesNothing()
    {
        var before = await _admin.GetStringAsync(DanaProfile);
        var response = await _admin.PostAsync(DanaProfile, new FormUrlEncodedContent(new Dictionary<string, string> { ["TitlePart.Title"] = "Hijacked", ["action"] = "publish" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Hijacked", await _admin.GetStringAsync(DanaProfile), StringComparison.Ordinal);
        Assert.Contains("Dana Whitfield", before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADisabledUserLosesAccessAtTheirNextRequestWithTheCookieTheyHave()
    {
        await AdminSite.AddUserAsync(_admin, "leaving", Password, "Editor");
        var leaving = await AdminSite.SignInAsync(_factory, "leaving", Password);
        Assert.Equal(HttpStatusCode.OK, (await leaving.GetAsync(AdminSite.Base + "/admin/content")).StatusCode);

        var users = await PublicSite.PageAsync(_admin, AdminSite.Base + "/admin/users");
        var id = users.QuerySelector("form[aria-label='Roles of leaving'] input[name=id]")!.GetAttribute("value")!;
        var saved = await AdminSite.PostFormAsync(_admin, AdminSite.Base + "/admin/users", [new("id", id), new("roles", "Editor"), new("enabled", "false")], "Save");
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await leaving.GetAsync(AdminSite.Base + "/admin/content")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await CmsFactory.SignInAsync(_factory.Client(), AdminSite.Base, "leaving", Password)).StatusCode);
    }

    [Fact]
    public async Task TwoPeopleEditingOneItemTheSecondSaveIsToldAndNothingIsOverwritten()
    {
        var editor = await AdminSite.SignInAsync(_factory, "editor1", Password);
        var path = AdminSite.Base + "/admin/content/articlegrief00000000000001";
        var stale = await editor.GetStringAsync(path);
        var staleToken = System.Text.RegularExpressions.Regex.Match(stale, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var staleVersion = System.Text.RegularExpressions.Regex.Match(stale, "name=\"OpenedVersion\"[^>]*value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*name=\"OpenedVersion\"").Groups.Values.Skip(1).First(g => g.Success).Value;

        var first = await AdminSite.PostFormAsync(_admin, path, GriefFields("Grief Doesn't Follow a Schedule (revised)"));
        Assert.Equal(HttpStatusCode.Found, first.StatusCode);

        var second = await editor.PostAsync(path, new FormUrlEncodedContent(GriefFields("Grief, second editor").Append(new("OpenedVersion", staleVersion)).Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(staleToken)))));
        var page = await second.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Someone else saved this article after you opened it", page, StringComparison.Ordinal);
        Assert.Contains("(revised)", await _admin.GetStringAsync(path), StringComparison.Ordinal);
        Assert.DoesNotContain("second editor", await _admin.GetStringAsync(path), StringComparison.Ordinal);
    }

    private static List<KeyValuePair<string, string>> Article(string title, string action) =>
    [
        new("TitlePart.Title", title),
        new("MarkdownBodyPart.Markdown", "## Why sleep and worry feed each other\n\nSome words."),
        new("Article.Authors", "counselordanawhitfield0001"),
        new("Article.SensitiveTopic", "false"),
        new("Article.AllowComments", "false"),
        new("action", action),
    ];

    private static List<KeyValuePair<string, string>> GriefFields(string title) =>
    [
        new("TitlePart.Title", title),
        new("AutoroutePart.Path", "articles/grief-doesnt-follow-a-schedule"),
        new("MarkdownBodyPart.Markdown", "Grief text."),
        new("Article.Authors", "counselordanawhitfield0001"),
        new("action", "draft"),
    ];
}
