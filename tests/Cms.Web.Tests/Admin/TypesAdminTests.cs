using System.Net;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>Changing a content type in the admin: a new field shows in the editor at once; bad names are refused.</summary>
public sealed class TypesAdminTests : IClassFixture<CmsFactory>
{
    private const string Counselor = AdminSite.Base + "/admin/types/Counselor";

    private readonly CmsFactory _factory;

    public TypesAdminTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task AnAddedFieldAppearsInTheEditorAndRemovingItKeepsTheItemsData()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var added = await AdminSite.PostFormAsync(admin, Counselor, [new("fieldName", "VideoIntro"), new("label", "Video introduction"), new("fieldType", "LinkField"), new("hint", "A short video.")], "Add");

        Assert.Equal(HttpStatusCode.Found, added.StatusCode);
        var editor = await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content/counselordanawhitfield0001");
        Assert.Equal("Video introduction (optional)", editor.QuerySelector("label[for='f-Counselor-VideoIntro']")!.TextContent);
        Assert.Equal("A short video.", editor.QuerySelector("#f-Counselor-VideoIntro-hint")!.TextContent);

        var removed = await AdminSite.PostFormAsync(admin, Counselor, [new("field", "VideoIntro")], "Remove");
        Assert.Equal(HttpStatusCode.Found, removed.StatusCode);
        Assert.Null((await PublicSite.PageAsync(admin, AdminSite.Base + "/admin/content/counselordanawhitfield0001")).QuerySelector("#f-Counselor-VideoIntro"));
        Assert.Equal(HttpStatusCode.OK, (await _factory.Client().GetAsync(PublicSite.Dana)).StatusCode);
    }

    [Fact]
    public async Task AFieldNameThatIsTakenOrNotAnIdentifierIsRefused()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        var taken = await (await AdminSite.PostFormAsync(admin, Counselor, [new("fieldName", "photo"), new("fieldType", "TextField")], "Add")).Content.ReadAsStringAsync();
        var invalid = await (await AdminSite.PostFormAsync(admin, Counselor, [new("fieldName", "2 words"), new("fieldType", "TextField")], "Add")).Content.ReadAsStringAsync();

        Assert.Contains("already has a field named", taken, StringComparison.Ordinal);
        Assert.Contains("must start with a letter", invalid, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyThoseWhoMayEditContentTypesOpenThePages()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await AdminSite.AddUserAsync(admin, "types-editor", "a-long-password-1", "Editor");
        var editor = await AdminSite.SignInAsync(_factory, "types-editor", "a-long-password-1");

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(AdminSite.Base + "/admin/types")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(Counselor)).StatusCode);
    }
}
