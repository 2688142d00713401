using Cms.Core.Tests.Recipes;
using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Recipes.Execution;
using Microsoft.Extensions.DependencyInjection;
using TestRecipes = Cms.Core.Tests.Support.Recipes;

namespace Cms.Core.Tests.Content;

/// <summary>
/// Issue 14, item 1: wherever a link is (a link field, a text field shown as an address box) it is a page of the site
/// (/x or ~/x) or a web, e-mail or phone address; anything else is refused at its place, and nothing is stored.
/// </summary>
public sealed class LinkAddressRuleTests : IAsyncLifetime
{
    private const string Definition = """
        { "name": "ContentDefinition",
          "ContentTypes": [ { "Name": "Clinic", "DisplayName": "Clinic", "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "Clinic", "Name": "Clinic" } ] } ],
          "ContentParts": [ { "Name": "Clinic", "ContentPartFieldDefinitionRecords": [
            { "FieldName": "LinkField", "Name": "Booking", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Booking" } } },
            { "FieldName": "TextField", "Name": "Website", "Settings": { "ContentPartFieldSettings": { "DisplayName": "Website", "Editor": "Url" } } } ] } ] }
        """;

    private TestStorage _storage = null!;
    private ServiceProvider _services = null!;
    private RecipeTenant _tenant = null!;

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.CreateAsync(DatabaseProvider.Sqlite);
        _services = await _storage.StartAsync();
        _tenant = await RecipeTenant.CreateAsync(_services, "links");
        Assert.True((await _tenant.ImportTextAsync(TestRecipes.Recipe(Definition))).Applied);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _storage.DisposeAsync();
    }

    [Theory]
    [InlineData("/notice-of-privacy-practices")]
    [InlineData("~/notice-of-privacy-practices")]
    [InlineData("https://booking.example.com/riverbend")]
    [InlineData("http://example.com")]
    [InlineData("mailto:office@riverbend.example")]
    [InlineData("tel:+18455550100")]
    public async Task ASitePathOrAWebEmailOrPhoneAddressIsStored(string address)
    {
        var result = await _tenant.ImportTextAsync(TestRecipes.Recipe(TestRecipes.Items(Clinic("goodlink", address))));

        Assert.True(result.Applied, string.Join(" ", result.Errors.Select(e => e.Message)));
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)", "scheme that is not allowed")]
    [InlineData("JavaScript:alert(1)", "scheme that is not allowed")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=", "scheme that is not allowed")]
    [InlineData("vbscript:msgbox(1)", "scheme that is not allowed")]
    [InlineData("java\tscript:alert(1)", "control character")]
    [InlineData("www.example.com", "https://www.example.com")]
    [InlineData("//evil.example/x", "not a page of this site")]
    public async Task AnyOtherAddressIsRefusedAtItsPlaceInBothFieldsAndNothingIsStored(string address, string said)
    {
        var recipe = TestRecipes.Recipe(TestRecipes.Items(Clinic("badlink", address)));

        var checkedOnly = await _tenant.ImportTextAsync(recipe, new RecipeOptions { DryRun = true });
        var result = await _tenant.ImportTextAsync(recipe);

        foreach (var report in new[] { checkedOnly, result })
        {
            Assert.False(report.Applied);
            Assert.Contains(report.Errors, e => e.Location == "/steps/0/data/0/Clinic/Booking" && e.Message.Contains(said, StringComparison.Ordinal));
            Assert.Contains(report.Errors, e => e.Location == "/steps/0/data/0/Clinic/Website" && e.Message.Contains(said, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(await _tenant.ItemsAsync(), i => i.ContentItemId == "badlink");
    }

    private static string Clinic(string id, string address)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(address);
        return $$"""
            { "ContentItemId": "{{id}}", "ContentType": "Clinic", "Latest": true, "Published": true, "TitlePart": { "Title": "Clinic" },
              "Clinic": { "Booking": { "Url": {{json}}, "Text": "Book" }, "Website": { "Text": {{json}} } } }
            """;
    }
}
