using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>The roles page: ticking a permission changes what a role may do from its users' next request.</summary>
public sealed class RolesAdminTests : IClassFixture<CmsFactory>
{
    private const string Password = "a-long-password-1";
    private const string RolesPage = AdminSite.Base + "/admin/roles";

    private readonly CmsFactory _factory;

    public RolesAdminTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task GrantingAuthorsPublishContentLetsAnAuthorPublishAndRevokingItStopsThemAtTheirNextRequest()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await AdminSite.AddUserAsync(admin, "roles-author", Password, "Author");
        var author = await AdminSite.SignInAsync(_factory, "roles-author", Password);
        var draft = await AdminSite.PostFormAsync(author, AdminSite.Base + "/admin/content/new/Article", Article("Panic at Night", "draft"));
        var editPath = draft.Headers.Location!.OriginalString.Split('?')[0];
        Assert.Contains("an editor publishes", await (await AdminSite.PostFormAsync(author, editPath, Article("Panic at Night", "publish"))).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var granted = await SaveAsync(admin, "Author", "PublishContent", grant: true);
        Assert.Equal(HttpStatusCode.Found, granted.StatusCode);
        Assert.True(await IsTickedAsync(admin, "Author", "PublishContent"));

        // The same cookie as before: rights come from the stored roles, not from the sign-in.
        var published = await AdminSite.PostFormAsync(author, editPath, Article("Panic at Night", "publish"));
        Assert.Equal(HttpStatusCode.Found, published.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _factory.Client().GetAsync(AdminSite.Base + "/articles/panic-at-night")).StatusCode);

        Assert.Equal(HttpStatusCode.Found, (await SaveAsync(admin, "Author", "PublishContent", grant: false)).StatusCode);
        var refused = await AdminSite.PostFormAsync(author, AdminSite.Base + "/admin/content/new/Article", Article("Worry Lists", "publish"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("an editor publishes", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.Client().GetAsync(AdminSite.Base + "/articles/worry-lists")).StatusCode);
        Assert.False(await IsTickedAsync(admin, "Author", "PublishContent"));
    }

    [Fact]
    public async Task AnEditorCannotOpenTheRolesPageNorPostToItNorSeeItsLink()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await AdminSite.AddUserAsync(admin, "roles-editor", Password, "Editor");
        var editor = await AdminSite.SignInAsync(_factory, "roles-editor", Password);

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(RolesPage)).StatusCode);
        var token = System.Text.RegularExpressions.Regex.Match(await editor.GetStringAsync(AdminSite.Base + "/admin/content"), "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var post = await editor.PostAsync(RolesPage + "?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["role"] = "Editor",
            ["grant.Editor"] = "ManageRoles",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.False(await IsTickedAsync(admin, "Editor", "ManageRoles"));

        Assert.Null((await PublicSite.PageAsync(editor, AdminSite.Base + "/admin")).QuerySelector("nav a[href$='/admin/roles']"));
        Assert.NotNull((await PublicSite.PageAsync(admin, AdminSite.Base + "/admin")).QuerySelector("nav a[href$='/admin/roles']"));
    }

    [Fact]
    public async Task AFormPostedWithoutItsAntiforgeryTokenIsRefusedAndChangesNothing()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var before = await ExportedRolesAsync();

        var save = await admin.PostAsync(RolesPage + "?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string> { ["role"] = "Author", ["grant.Author"] = "ManageUsers" }));
        var add = await admin.PostAsync(RolesPage + "?handler=Add", new FormUrlEncodedContent(new Dictionary<string, string> { ["NewRoleName"] = "Sneaky" }));

        Assert.Equal(HttpStatusCode.BadRequest, save.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, add.StatusCode);
        Assert.Equal(before, await ExportedRolesAsync());
    }

    [Theory]
    [InlineData("", "Give the new role a name.")]
    [InlineData("Office Manager", "can only have letters and digits")]
    [InlineData("Thera-pist", "can only have letters and digits")]
    [InlineData("editor", "There is already a role named “editor”.")]
    [InlineData("Administrator", "There is already a role named")]
    [InlineData("AbcdefghijabcdefghijabcdefghijabcdefghijabcdefghijX", "longer than 50 characters")]
    public async Task ABadRoleNameIsRefusedNextToTheFieldAndNothingIsStored(string name, string message)
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var before = await ExportedRolesAsync();

        var response = await AdminSite.PostFormAsync(admin, RolesPage, [new("NewRoleName", name), new("NewRoleDescription", "Should not be stored")], "Add");
        var page = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), RolesPage);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, page.QuerySelector(".field-error .error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await ExportedRolesAsync());
    }

    [Fact]
    public async Task ANewRoleGetsPermissionsAndCanBeDeletedOnlyWhenNoOneHasIt()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var added = await AdminSite.PostFormAsync(admin, RolesPage, [new("NewRoleName", "Therapist"), new("NewRoleDescription", "Counselors who write")], "Add");
        Assert.Equal(HttpStatusCode.Found, added.StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await SaveAsync(admin, "Therapist", "AccessAdminPanel", grant: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await SaveAsync(admin, "Therapist", "EditOwnContent", grant: true)).StatusCode);

        await AdminSite.AddUserAsync(admin, "roles-therapist", Password, "Therapist");
        var therapist = await AdminSite.SignInAsync(_factory, "roles-therapist", Password);
        Assert.Equal(HttpStatusCode.OK, (await therapist.GetAsync(AdminSite.Base + "/admin/content/new/Article")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await therapist.GetAsync(AdminSite.Base + "/admin/users")).StatusCode);

        var inUse = await AdminSite.PostFormAsync(admin, RolesPage, [new("name", "Therapist")], "Delete");
        Assert.Equal(HttpStatusCode.OK, inUse.StatusCode);
        Assert.Contains("1 user has it", await inUse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("\"Therapist\"", await ExportedRolesAsync(), StringComparison.Ordinal);

        var builtIn = await AdminSite.PostFormAsync(admin, RolesPage, [new("name", "Author")], "Delete");
        Assert.Contains("cannot be deleted", await builtIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("\"Author\"", await ExportedRolesAsync(), StringComparison.Ordinal);

        await TakeRolesAsync(admin, "roles-therapist");
        var deleted = await AdminSite.PostFormAsync(admin, RolesPage, [new("name", "Therapist")], "Delete");
        Assert.Equal(HttpStatusCode.Found, deleted.StatusCode);
        Assert.DoesNotContain("\"Therapist\"", await ExportedRolesAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneWhoIsNotAnAdministratorCannotTakeTheRolesPageFromThemselves()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Found, (await AdminSite.PostFormAsync(admin, RolesPage, [new("NewRoleName", "OfficeManager")], "Add")).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await SaveAsync(admin, "OfficeManager", "AccessAdminPanel", grant: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Found, (await SaveAsync(admin, "OfficeManager", "ManageRoles", grant: true)).StatusCode);
        await AdminSite.AddUserAsync(admin, "roles-office", Password, "OfficeManager");
        var office = await AdminSite.SignInAsync(_factory, "roles-office", Password);

        var refused = await SaveAsync(office, "OfficeManager", "ManageRoles", grant: false);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("take away your own right to change roles", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await IsTickedAsync(admin, "OfficeManager", "ManageRoles"));
        Assert.Equal(HttpStatusCode.Found, (await SaveAsync(office, "Editor", "ManageRoles", grant: true)).StatusCode);
        Assert.True(await IsTickedAsync(admin, "Editor", "ManageRoles"));
        Assert.Equal(HttpStatusCode.Found, (await SaveAsync(admin, "Editor", "ManageRoles", grant: false)).StatusCode);
    }

    [Fact]
    public async Task SavingKeepsPermissionsThisSiteDoesNotKnow()
    {
        var key = _factory.Client();
        key.DefaultRequestHeaders.Add("X-Api-Key", CmsFactory.ApiKey);
        const string Recipe = """{ "name": "orchard-roles", "steps": [ { "name": "Roles", "Roles": [ { "Name": "Moderator", "Description": "From Orchard", "Permissions": [ "ManageMenu", "ViewContent" ] } ] } ] }""";
        Assert.Equal(HttpStatusCode.OK, (await key.PostAsync(AdminSite.Base + "/api/recipes", new StringContent(Recipe, Encoding.UTF8, "application/json"))).StatusCode);

        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Found, (await SaveAsync(admin, "Moderator", "ViewContent", grant: false)).StatusCode);

        var moderator = JsonDocument.Parse(await ExportedRolesAsync()).RootElement.EnumerateArray().Single(r => r.GetProperty("Name").GetString() == "Moderator");
        Assert.Equal(["ManageMenu"], moderator.GetProperty("Permissions").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("From Orchard", moderator.GetProperty("Description").GetString());
    }

    /// <summary>Posts the roles form as the page fills it, with one permission of one role ticked or unticked.</summary>
    private static async Task<HttpResponseMessage> SaveAsync(HttpClient admin, string role, string permission, bool grant)
    {
        var form = (await PublicSite.PageAsync(admin, RolesPage)).QuerySelector("form[action*='handler=Save']")!;
        var fields = form.QuerySelectorAll("input[type=hidden][name=role]").Select(i => new KeyValuePair<string, string>("role", i.GetAttribute("value")!))
            .Concat(form.QuerySelectorAll("input[type=checkbox][name]:checked").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!)))
            .Where(f => !(f.Key == "grant." + role && f.Value == permission))
            .ToList();
        if (grant)
        {
            fields.Add(new("grant." + role, permission));
        }

        return await AdminSite.PostFormAsync(admin, RolesPage, fields, "Save");
    }

    private static async Task<bool> IsTickedAsync(HttpClient admin, string role, string permission) =>
        Checkbox(await PublicSite.PageAsync(admin, RolesPage), role, permission).HasAttribute("checked");

    private static IElement Checkbox(IDocument page, string role, string permission) =>
        page.QuerySelector($"input[type=checkbox][name='grant.{role}'][value='{permission}']") ?? throw new InvalidOperationException($"No checkbox for {role} {permission}.");

    /// <summary>The Roles step of an export: what is stored, in the recipe's words.</summary>
    private async Task<string> ExportedRolesAsync()
    {
        var key = _factory.Client();
        key.DefaultRequestHeaders.Add("X-Api-Key", CmsFactory.ApiKey);
        var export = JsonDocument.Parse(await key.GetStringAsync(AdminSite.Base + "/api/recipes/export"));
        return export.RootElement.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Roles").GetProperty("Roles").GetRawText();
    }

    private static async Task TakeRolesAsync(HttpClient admin, string userName)
    {
        var users = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/users");
        var id = users.QuerySelector($"form[aria-label='Roles of {userName}'] input[name=id]")!.GetAttribute("value")!;
        var saved = await AdminSite.PostFormAsync(admin, AdminSite.Base + "/admin/users", [new("id", id), new("enabled", "true")], "Save");
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
    }

    private static List<KeyValuePair<string, string>> Article(string title, string action) =>
    [
        new("TitlePart.Title", title),
        new("MarkdownBodyPart.Markdown", "Some words."),
        new("Article.Authors", "counselordanawhitfield0001"),
        new("Article.SensitiveTopic", "false"),
        new("Article.AllowComments", "false"),
        new("action", action),
    ];
}
