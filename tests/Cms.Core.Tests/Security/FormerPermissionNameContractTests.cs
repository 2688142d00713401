using System.Security.Claims;
using Cms.Core.Tests.Support;
using Cms.Data;
using Cms.Recipes.Steps;
using Cms.Security;
using Cms.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using static Cms.Core.Tests.Support.Recipes;

namespace Cms.Core.Tests.Security;

/// <summary>
/// Issue 13, item 7: this site's permissions have Orchard Core's names (ManageOwnMediaContent, not ManageOwnMedia); a
/// recipe or a stored role with the former name grants the same and is stored and exported with Orchard's.
/// </summary>
public abstract class FormerPermissionNameContractTests
{
    private const string FormerName = "ManageOwnMedia";
    private const string OrchardName = "ManageOwnMediaContent";

    protected abstract DatabaseProvider Provider { get; }

    [SkippableTheory]
    [InlineData(FormerName)]
    [InlineData(OrchardName)]
    public async Task ARolesStepWithEitherNameGrantsUploadsAndStoresAndExportsOrchardsName(string given)
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var tenant = await RecipeTenant.CreateAsync(services, "authors");

        var result = await tenant.ImportTextAsync(Recipe($$"""{ "name": "Roles", "Roles": [ { "Name": "Author", "Permissions": [ "AccessAdminPanel", "{{given}}" ] } ] }"""));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(["AccessAdminPanel", OrchardName], (await tenant.DocumentAsync(RecipeDocuments.Roles))!["Author"]!["Permissions"]!.AsArray().Select(p => (string?)p));
        await AssertAuthorsMayUploadAsync(services, tenant);
    }

    [SkippableFact]
    public async Task ARoleStoredWithTheFormerNameGrantsUploadsShowsTickedAndIsExportedWithOrchardsName()
    {
        await using var storage = await TestStorage.CreateAsync(Provider);
        await using var services = await storage.StartAsync();
        var tenant = await RecipeTenant.CreateAsync(services, "older");
        await tenant.StoreAsync(RecipeDocuments.Roles, System.Text.Json.Nodes.JsonNode.Parse($$"""
            { "Author": { "Name": "Author", "Description": "Writes", "Permissions": [ "AccessAdminPanel", "{{FormerName}}", "ManageWidgets" ] } }
            """));

        await AssertAuthorsMayUploadAsync(services, tenant);
        await using (var db = tenant.OpenDb())
        {
            var author = (await RoleDocument.ListAsync(db, default)).Single(r => r.Name == "Author");
            Assert.Contains(OrchardName, author.Permissions);
            Assert.DoesNotContain(FormerName, author.Permissions);
        }

        var exported = (await tenant.ExportAsync())["steps"]!.AsArray().Single(s => (string?)s!["name"] == "Roles")!["Roles"]![0]!["Permissions"]!;
        Assert.Equal(["AccessAdminPanel", OrchardName, "ManageWidgets"], exported.AsArray().Select(p => (string?)p));
    }

    private static async Task AssertAuthorsMayUploadAsync(IServiceProvider services, RecipeTenant tenant)
    {
        string id;
        await using (var db = tenant.OpenDb())
        {
            id = (await services.GetRequiredService<UserAccounts>().CreateAsync(db, "ava", "a-long-password-1", [Roles.Author], default)).Id;
        }

        var runtime = await services.GetRequiredService<TenantRuntimeCache>().GetAsync(tenant.Tenant, default);
        var rights = await RolePermissions.LoadAsync(runtime, default);
        var ava = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id)], "test"));
        Assert.True(rights.Grants(ava, OrchardName));
        Assert.False(rights.Grants(ava, Permissions.ManageMediaContent));
    }
}

public sealed class SqliteFormerPermissionNameTests : FormerPermissionNameContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresFormerPermissionNameTests : FormerPermissionNameContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
