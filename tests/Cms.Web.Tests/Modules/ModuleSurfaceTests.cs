using System.Net;
using System.Text.Json.Nodes;
using Cms.Data;
using Cms.Tenancy;
using Cms.Web.Tests.Admin;
using Cms.Web.Tests.Practice;
using Cms.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests.Modules;

/// <summary>
/// Issue 13, items 1 and 3: a module written only against the public surface (<see cref="NotesModule"/>) adds a part's
/// rule, an admin entry and a recipe step, and all of them run for a tenant only while the module's feature is on.
/// </summary>
public sealed class ModuleSurfaceTests
{
    private const string NoteRecipe = """
        {
          "name": "notes", "steps": [
            { "name": "ContentDefinition", "ContentTypes": [ { "Name": "Note", "DisplayName": "Note", "Settings": { "ContentTypeSettings": { "Creatable": true, "Listable": true, "Draftable": true } }, "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "NotePart", "Name": "NotePart" } ] } ], "ContentParts": [ { "Name": "NotePart", "Settings": {}, "ContentPartFieldDefinitionRecords": [] } ] },
            { "name": "notes-greeting", "Greeting": "Welcome back" },
            { "name": "content", "data": [ { "ContentItemId": "notesmodulenote00000001", "ContentType": "Note", "DisplayText": "First note", "Latest": true, "Published": true, "TitlePart": { "Title": "First note" }, "NotePart": { "Text": "Hello" } } ] }
          ]
        }
        """;

    [Fact]
    public async Task AModulesPartRuleAdminEntryAndRecipeStepRunOnlyWhileItsFeatureIsOn()
    {
        using var factory = new CmsFactory { Modules = services => services.AddNotesModule() };
        var admin = await AdminSite.SignInAsync(factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);

        // The demo practice's recipe named its features, and this one was not among them: nothing of the module runs.
        Assert.DoesNotContain("Notes", await AdminSite.MenuAsync(admin));
        Assert.Contains("belongs to the feature 'Test.Notes', which is off", await ImportReportAsync(factory), StringComparison.Ordinal);
        Assert.Null(await GreetingAsync(factory));
        Assert.Null((await AdminSite.ExportedAsync(admin, "notesmodulenote00000001"))["NotePart"]?["Signature"]);

        var on = await AdminSite.PostFormAsync(admin, AdminSite.Base + "/admin/features", [new("feature", NotesModule.Feature), new("on", "true")]);

        Assert.Equal(HttpStatusCode.Found, on.StatusCode);
        Assert.Contains("Notes", await AdminSite.MenuAsync(admin));
        await PublicSite.ImportAsync(factory.Client(), AdminSite.Base, NoteRecipe.Replace("notesmodulenote00000001", "notesmodulenote00000002", StringComparison.Ordinal));
        Assert.Equal("Welcome back", (await GreetingAsync(factory))?["Greeting"]?.GetValue<string>());
        Assert.Equal("The practice", (await AdminSite.ExportedAsync(admin, "notesmodulenote00000002"))["NotePart"]?["Signature"]?.GetValue<string>());
    }

    [Fact]
    public async Task AModulesRecipeStepChecksItsStepWithTheOthersAndNothingIsWritten()
    {
        using var factory = new CmsFactory { Modules = services => services.AddNotesModule() };
        var admin = await AdminSite.SignInAsync(factory, CmsFactory.AdminUser, CmsFactory.AdminPassword);
        await AdminSite.PostFormAsync(admin, AdminSite.Base + "/admin/features", [new("feature", NotesModule.Feature), new("on", "true")]);

        var report = await ImportReportAsync(factory, NoteRecipe.Replace("\"Greeting\": \"Welcome back\"", "\"Greeting\": 3", StringComparison.Ordinal));

        Assert.Contains("/steps/1/Greeting", report, StringComparison.Ordinal);
        Assert.Contains("Greeting must be some text.", report, StringComparison.Ordinal);
        Assert.Null(await GreetingAsync(factory));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(AdminSite.Base + "/admin/content/notesmodulenote00000001/edit")).StatusCode);
    }

    private static async Task<string> ImportReportAsync(CmsFactory factory, string recipe = NoteRecipe)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, AdminSite.Base + "/api/recipes") { Content = new StringContent(recipe, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", CmsFactory.ApiKey);
        using var response = await factory.Client().SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<JsonObject?> GreetingAsync(CmsFactory factory)
    {
        var tenant = factory.Services.GetRequiredService<TenantRegistry>().Table.FindByName("riverbend")!;
        await using var db = factory.Services.GetRequiredService<CmsDatabase>().CreateTenantContext(tenant);
        return await TenantDocuments.GetAsync<JsonObject>(db, NotesModule.GreetingDocument, default);
    }
}
