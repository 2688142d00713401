using System.Net;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>Who may open which admin page and do what: every role against every page built so far.</summary>
public sealed class AdminPermissionTests : IClassFixture<CmsFactory>, IAsyncLifetime
{
    private const string Password = "a-long-password-1";

    // Checked and not applied: the API answers the same as for a real import, and nothing changes.
    private const string DryRunRecipe = """{ "name": "matrix", "steps": [ { "name": "settings", "SiteName": "Riverbend Counseling" } ] }""";
    private const string DanaProfile = AdminSite.Base + "/admin/content/counselordanawhitfield0001";

    private const string Dana = "/admin/content/counselordanawhitfield0001";
    private const string OwnDraft = "{own}";

    /// <summary>
    /// Every admin page and API of a practice, with the status each of anonymous, author1, editor1 and admin gets,
    /// by the rules: anonymous is sent to the login page (an API caller gets 401); signed-in users need the page's
    /// permission (Author: their own content only; Editor: all content; Administrator: everything) and get 403
    /// without it; the practices pages are the host's, so no practice user may open them.
    /// </summary>
    private static readonly (string Page, int Anonymous, int Author, int Editor, int Admin)[] s_matrix =
    [
        ("/admin", 302, 200, 200, 200),
        ("/admin/content", 302, 200, 200, 200),
        ("/admin/content?type=Counselor", 302, 200, 200, 200),
        ("/admin/content/new/Article", 302, 200, 200, 200),
        (Dana, 302, 403, 200, 200),
        (Dana + "/history", 302, 403, 200, 200),
        (Dana + "/preview", 302, 403, 200, 200),
        (Dana + "/delete", 302, 403, 200, 200),
        (OwnDraft, 302, 200, 200, 200),
        (OwnDraft + "/history", 302, 200, 200, 200),
        (OwnDraft + "/preview", 302, 200, 200, 200),
        (OwnDraft + "/delete", 302, 200, 200, 200),
        ("/admin/series/serieswhatyoushouldknow001/parts", 302, 403, 200, 200),
        ("/admin/users", 302, 403, 403, 200),
        ("/admin/roles", 302, 403, 403, 200),
        ("/admin/settings", 302, 403, 403, 200),
        ("/admin/templates", 302, 403, 403, 200),
        ("/admin/templates/home", 302, 403, 403, 200),
        ("/admin/types", 302, 403, 403, 200),
        ("/admin/types/Article", 302, 403, 403, 200),
        ("/admin/import", 302, 403, 403, 200),
        ("/admin/export", 302, 403, 403, 200),
        ("/admin/practices", 302, 403, 403, 403),
        ("/admin/practices/riverbend/remove", 302, 403, 403, 403),
        ("POST /api/recipes?dryRun=true", 401, 403, 403, 200),
        ("GET /api/recipes/export", 401, 403, 403, 200),
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
    [InlineData(null)]
    [InlineData("author1")]
    [InlineData("editor1")]
    [InlineData("admin")]
    public async Task EachRoleOpensExactlyThePagesAndApisItMay(string? user)
    {
        var author = await AdminSite.SignInAsync(_factory, "author1", Password);
        var draft = await AdminSite.PostFormAsync(author, AdminSite.Base + "/admin/content/new/Article", Article($"Own draft {Guid.NewGuid():N}", "draft"));
        var ownDraft = draft.Headers.Location!.OriginalString.Split('?')[0][AdminSite.Base.Length..];
        var client = user switch
        {
            null => _factory.Client(),
            "admin" => _admin,
            "author1" => author,
            _ => await AdminSite.SignInAsync(_factory, user, Password),
        };

        var expected = new List<string>();
        var actual = new List<string>();
        foreach (var (page, anonymous, authorStatus, editor, admin) in s_matrix)
        {
            var path = page.Replace(OwnDraft, ownDraft, StringComparison.Ordinal);
            using var response = await SendAsync(client, path);
            expected.Add($"{page}: {user switch { null => anonymous, "author1" => authorStatus, "editor1" => editor, _ => admin }}");
            actual.Add($"{page}: {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Found)
            {
                var location = response.Headers.Location!;
                Assert.StartsWith(AdminSite.Base + "/login", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
            }
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task AnAdministratorTakenDownToEditorLosesTheRecipeApiAtTheirNextRequest()
    {
        await AdminSite.AddUserAsync(_admin, "stepping-down", Password, "Administrator");
        var client = await AdminSite.SignInAsync(_factory, "stepping-down", Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(AdminSite.Base + "/api/recipes/export")).StatusCode);

        var users = await PublicSite.PageAsync(_admin, AdminSite.Base + "/admin/users");
        var id = users.QuerySelector("form[aria-label='Roles of stepping-down'] input[name=id]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Found, (await AdminSite.PostFormAsync(_admin, AdminSite.Base + "/admin/users", [new("id", id), new("roles", "Editor"), new("enabled", "true")], "Save")).StatusCode);

        // The role change ended their sessions (issue 10); signed in again, the stored roles decide.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(AdminSite.Base + "/api/recipes/export")).StatusCode);
        var again = await AdminSite.SignInAsync(_factory, "stepping-down", Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync(AdminSite.Base + "/api/recipes/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.PostAsync(AdminSite.Base + "/api/recipes?dryRun=true", new StringContent(DryRunRecipe, System.Text.Encoding.UTF8, "application/json"))).StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string page) => page.Split(' ') switch
    {
        ["POST", var path] => PostApiAsync(client, AdminSite.Base + path),
        ["GET", var path] => client.GetAsync(AdminSite.Base + path),
        _ => client.GetAsync(AdminSite.Base + page),
    };

    // As a signed-in user's browser calls the API: with the antiforgery token of an admin page, when the user may open one.
    private static async Task<HttpResponseMessage> PostApiAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(DryRunRecipe, System.Text.Encoding.UTF8, "application/json") };
        using (var dashboard = await client.GetAsync(AdminSite.Base + "/admin"))
        {
            if (dashboard.IsSuccessStatusCode)
            {
                request.Headers.Add("RequestVerificationToken", await AdminSite.AntiforgeryTokenAsync(client, AdminSite.Base + "/admin"));
            }
        }

        return await client.SendAsync(request);
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

        // Disabling ended the session (issue 10): the cookie they have leads to the sign-in page, which refuses them.
        var refused = await leaving.GetAsync(AdminSite.Base + "/admin/content");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith(AdminSite.Base + "/login", refused.Headers.Location!.IsAbsoluteUri ? refused.Headers.Location.PathAndQuery : refused.Headers.Location.OriginalString, StringComparison.Ordinal);
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
