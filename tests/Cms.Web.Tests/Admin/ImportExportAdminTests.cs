using System.Net;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;

namespace Cms.Web.Tests.Admin;

/// <summary>Import through the admin: upload, read the report, apply or cancel; export as a download.</summary>
public sealed class ImportExportAdminTests : IClassFixture<CmsFactory>
{
    private readonly CmsFactory _factory;

    public ImportExportAdminTests(CmsFactory factory)
    {
        _factory = factory;
    }

    [Fact]
    public async Task TheMenuLeadsToImportAndToExportForWhoeverMayUseThem()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var menu = (await PublicSite.PageAsync(admin, AdminSite.Base + "/admin")).QuerySelectorAll("nav.sidenav a").ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href"));

        Assert.Equal(AdminSite.Base + "/admin/import", menu["Import"]);
        Assert.Equal(AdminSite.Base + "/admin/export", menu["Export"]);
        var export = await PublicSite.PageAsync(admin, menu["Export"]!);
        Assert.Equal("Export a recipe", export.QuerySelector("h1")!.TextContent);
        Assert.Equal("Export", export.QuerySelector("nav.sidenav a[aria-current='page']")!.TextContent.Trim());

        // An author may do neither: no entry leads to a page that refuses them.
        await AdminSite.AddUserAsync(admin, "menuauthor", "menu-author-password-1", "Author");
        var author = await AdminSite.SignInAsync(_factory, "menuauthor", "menu-author-password-1");
        var theirs = await AdminSite.MenuAsync(author);
        Assert.DoesNotContain("Import", theirs);
        Assert.DoesNotContain("Export", theirs);
        Assert.DoesNotContain("Import/Export", theirs);
    }

    [Fact]
    public async Task ABrokenRecipeShowsEveryErrorWithItsPlaceAndChangesNothing()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var before = await admin.GetStringAsync(AdminSite.Base + "/admin/export?handler=Download");
        var broken = PublicSite.ArticleRecipe("brokenimport000000000001", "Broken Import", "articles/broken-import", published: true)
            .Replace("\"counselordanawhitfield0001\"", "\"nobody\"", StringComparison.Ordinal)
            .Replace("\"name\": \"content\", \"data\": [ {", "\"name\": \"content\", \"data\": [ { \"ContentType\": \"Article\" }, {", StringComparison.Ordinal);

        var response = await AdminSite.UploadRecipeAsync(admin, AdminSite.Base, broken);
        var page = await PublicSite.ParseAsync(await response.Content.ReadAsStringAsync(), "/admin/import");

        var errors = page.QuerySelectorAll(".recipe-errors li").Select(li => li.TextContent).ToList();
        Assert.Contains(errors, e => e.Contains("/steps/0/data/0", StringComparison.Ordinal) && e.Contains("ContentItemId", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("/steps/0/data/1/Article/Authors", StringComparison.Ordinal) && e.Contains("nobody", StringComparison.Ordinal));
        Assert.Contains("Nothing was changed", page.QuerySelector(".error-summary h2")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("button[formaction*='Apply'], input[name=pending]"));
        Assert.Equal(Normalize(before), Normalize(await admin.GetStringAsync(AdminSite.Base + "/admin/export?handler=Download")));
    }

    [Fact]
    public async Task AValidRecipeIsAppliedOnlyWhenTheAdministratorSaysSo()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        var recipe = PublicSite.ArticleRecipe("importedviaadmin00000001", "Imported Through The Admin", "articles/imported-through-the-admin", published: true);

        var check = await PublicSite.ParseAsync(await (await AdminSite.UploadRecipeAsync(admin, AdminSite.Base, recipe)).Content.ReadAsStringAsync(), "/admin/import");
        var pending = check.QuerySelector("input[name=pending]")!.GetAttribute("value")!;
        Assert.Contains("ready to import", check.QuerySelector("#report-title")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.Client().GetAsync(AdminSite.Base + "/articles/imported-through-the-admin")).StatusCode);

        var applied = await ImportStatusPage.ApplyAndWaitAsync(admin, AdminSite.Base, pending);

        Assert.Contains("Applied", applied, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _factory.Client().GetAsync(AdminSite.Base + "/articles/imported-through-the-admin")).StatusCode);
        var again = await AdminSite.PostFormAsync(admin, AdminSite.Base + "/admin/import", [new("pending", pending)], "Apply");
        Assert.Contains("no longer waiting", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportDownloadsTheChosenTypesAsARecipe()
    {
        var admin = await AdminSite.SignInAsync(_factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        using var response = await admin.GetAsync(AdminSite.Base + "/admin/export?handler=Download&types=Counselor");
        var recipe = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var items = recipe.RootElement.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "content").GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["Counselor", "Counselor"], items.Select(i => i.GetProperty("ContentType").GetString()));
    }

    // The export's timestamp moves; everything else must not.
    private static string Normalize(string export) => System.Text.RegularExpressions.Regex.Replace(export, "\"exportUtc\": \"[^\"]+\"", "");
}
