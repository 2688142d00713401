using System.Net;
using System.Net.Http.Json;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>The editor's background save (POST ?handler=Autosave): a draft as Save draft makes it, never a publication, never over someone else's save.</summary>
public sealed class AutosaveAdminTests : IClassFixture<CmsFactory>
{
    private const string Password = "a-long-password-1";
    private const string Grief = AdminSite.Base + "/admin/content/articlegrief00000000000001";
    private const string GriefPublic = AdminSite.Base + "/articles/grief-doesnt-follow-a-schedule";
    private const string Couples = AdminSite.Base + "/admin/content/articlecouplesconflict0001";

    private readonly CmsFactory _factory;

    public AutosaveAdminTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task APublishedItemGetsADraftBesideItAndThePublicSiteKeepsThePublishedText()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var fields = await AdminSite.FormFieldsAsync(admin, Grief);

        var first = await AutosaveAsync(admin, Grief, fields.With("MarkdownBodyPart.Markdown", "Autosaved words, first."));
        var second = await AutosaveAsync(admin, Grief, fields.With("MarkdownBodyPart.Markdown", "Autosaved words, second.").With("OpenedVersion", first.OpenedVersion));

        Assert.Equal("articlegrief00000000000001", second.Id);
        Assert.Equal("Published, with unpublished changes", second.Status);
        Assert.Equal("changed", second.StatusKind);
        Assert.Equal(Grief, second.EditUrl);
        var editor = await PublicSite.PageAsync(admin, Grief);
        Assert.Equal("Autosaved words, second.", editor.QuerySelector("textarea[name='MarkdownBodyPart.Markdown']")!.TextContent);
        Assert.Equal(second.OpenedVersion, editor.QuerySelector("input[name=OpenedVersion]")!.GetAttribute("value"));
        Assert.Equal("Published, with unpublished changes", editor.QuerySelector("[aria-label=Status]")!.TextContent);
        var site = await _factory.Client().GetStringAsync(GriefPublic);
        Assert.DoesNotContain("Autosaved words", site, StringComparison.Ordinal);

        // One draft, updated in place: the history has the published version and the draft.
        Assert.Equal(2, (await PublicSite.PageAsync(admin, Grief + "/history")).QuerySelectorAll("nav[aria-label=Versions] li").Length);

        // The person's own Save draft after the background saves is not taken for someone else's.
        var saved = await AdminSite.PostFormAsync(admin, Grief, fields.With("OpenedVersion", second.OpenedVersion).With("action", "draft"));
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
    }

    [Fact]
    public async Task AnActionInTheFormIsIgnoredItNeverPublishes()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var fields = await AdminSite.FormFieldsAsync(admin, Couples);

        await AutosaveAsync(admin, Couples, fields.With("TitlePart.Title", "Not For The Site Yet").With("action", "publish"));

        var site = await _factory.Client().GetStringAsync(AdminSite.Base + "/articles/the-same-argument-again");
        Assert.Contains("The Same Argument, Again", site, StringComparison.Ordinal);
        Assert.DoesNotContain("Not For The Site Yet", site, StringComparison.Ordinal);
        Assert.Equal("Published, with unpublished changes", (await PublicSite.PageAsync(admin, Couples)).QuerySelector("[aria-label=Status]")!.TextContent);
    }

    [Fact]
    public async Task AfterSomeoneElsesSaveItIsRefusedWithTheirNameAndChangesNothing()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await AdminSite.AddUserAsync(admin, "autoeditor", Password, "Editor");
        var editor = await AdminSite.SignInAsync(_factory, "autoeditor", Password);
        var path = AdminSite.Base + "/admin/content/articleintrusivethoughts01";
        var stale = await AdminSite.FormFieldsAsync(editor, path);

        var theirs = await AdminSite.PostFormAsync(admin, path, (await AdminSite.FormFieldsAsync(admin, path)).With("MarkdownBodyPart.Markdown", "The administrator's text.").With("action", "draft"));
        Assert.Equal(HttpStatusCode.Found, theirs.StatusCode);
        var response = await AdminSite.PostFormAsync(editor, path, stale.With("MarkdownBodyPart.Markdown", "The editor's text."), "Autosave");
        var problem = await response.Content.ReadFromJsonAsync<Problem>();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.StartsWith("Automatic saving has stopped. Someone else saved this article after you opened it", problem!.Message, StringComparison.Ordinal);
        Assert.Contains("by admin", problem.Message, StringComparison.Ordinal);
        Assert.Equal("The administrator's text.", (await PublicSite.PageAsync(admin, path)).QuerySelector("textarea[name='MarkdownBodyPart.Markdown']")!.TextContent);
    }

    [Fact]
    public async Task ADraftWithAProblemIsNotSavedAndTheProblemIsNamed()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var path = AdminSite.Base + "/admin/content/articletherapypart30000001";
        var fields = (await AdminSite.FormFieldsAsync(admin, path)).Where(f => f.Key != "Article.Authors").ToList();

        var response = await AdminSite.PostFormAsync(admin, path, fields.With("MarkdownBodyPart.Markdown", "Never saved."), "Autosave");
        var problem = await response.Content.ReadFromJsonAsync<Problem>();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("The draft is not saved yet: Authors is required.", problem!.Message);
        Assert.Equal("Article.Authors", Assert.Single(problem.Errors).Path);
        Assert.DoesNotContain("Never saved.", await admin.GetStringAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewItemIsCreatedOnceItHasATitleAndThenUpdatedNotCreatedAgain()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var create = AdminSite.Base + "/admin/content/new/Article";
        var fields = (await AdminSite.FormFieldsAsync(admin, create)).With("Article.Authors", "counselordanawhitfield0001").With("MarkdownBodyPart.Markdown", "First words.");

        var untitled = await AdminSite.PostFormAsync(admin, create, fields, "Autosave");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, untitled.StatusCode);
        Assert.Equal("A new article is saved as a draft automatically once it has a title.", (await untitled.Content.ReadFromJsonAsync<Problem>())!.Message);

        var created = await AutosaveAsync(admin, create, fields.With("TitlePart.Title", "Autosaved Into Being"));
        Assert.Equal("Draft", created.Status);
        Assert.Equal(AdminSite.Base + "/admin/content/" + created.Id, created.EditUrl);
        var updated = await AutosaveAsync(admin, created.EditUrl, fields.With("TitlePart.Title", "Autosaved Into Being").With("MarkdownBodyPart.Markdown", "More words.").With("OpenedVersion", created.OpenedVersion));

        Assert.Equal(created.Id, updated.Id);
        var list = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content?q=autosaved");
        Assert.Single(list.QuerySelectorAll("tbody tr"));
        Assert.Contains("More words.", await admin.GetStringAsync(created.EditUrl), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.Client().GetAsync(AdminSite.Base + "/articles/autosaved-into-being")).StatusCode);
    }

    [Fact]
    public async Task SomeoneSignedOutOrWithoutTheTokenSavesNothing()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var fields = (await AdminSite.FormFieldsAsync(admin, Grief)).With("TitlePart.Title", "Hijacked");

        using var anonymous = await _factory.Client().PostAsync(Grief + "?handler=Autosave", new FormUrlEncodedContent(fields));
        using var tokenless = await admin.PostAsync(Grief + "?handler=Autosave", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Found, anonymous.StatusCode);
        Assert.StartsWith(AdminSite.Base + "/login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tokenless.StatusCode);
        Assert.DoesNotContain("Hijacked", await admin.GetStringAsync(Grief), StringComparison.Ordinal);
    }

    private static async Task<Reply> AutosaveAsync(HttpClient client, string path, List<KeyValuePair<string, string>> fields)
    {
        var response = await AdminSite.PostFormAsync(client, path, fields, "Autosave");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Autosave of {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<Reply>())!;
    }

    private sealed record Reply(string Id, string OpenedVersion, DateTimeOffset SavedUtc, string Status, string StatusKind, string EditUrl);

    private sealed record Problem(string Message, List<FieldProblem> Errors);

    private sealed record FieldProblem(string Path, string Message);
}
