using System.Text.Json.Nodes;
using Cms.Content.Definitions;
using Cms.Data;
using Cms.Recipes;
using Cms.Recipes.Execution;
using Cms.Recipes.Export;
using Cms.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Core.Tests.Support;

/// <summary>A fresh tenant to run recipes on, with ways to look at what it holds afterwards.</summary>
internal sealed class RecipeTenant
{
    private RecipeTenant(IServiceProvider services, TenantSettings tenant)
    {
        Services = services;
        Tenant = tenant;
    }

    public IServiceProvider Services { get; }

    public TenantSettings Tenant { get; }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Recipes", "Fixtures", name);

    public static async Task<RecipeTenant> CreateAsync(IServiceProvider services, string name)
    {
        var result = await services.GetRequiredService<TenantManager>().CreateAsync(
            new CreateTenantRequest { Name = name, Prefix = name, AdminUserName = "admin", AdminPassword = "recipe-admin-password" }, default);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return new RecipeTenant(services, result.Tenant!);
    }

    public async Task<RecipeResult> ImportAsync(string file, RecipeOptions? options = null) =>
        (await Services.GetRequiredService<TenantRecipes>().ImportAsync(Tenant.Name, RecipeSource.FromFile(file), options ?? new RecipeOptions(), default))!;

    public async Task<RecipeResult> ImportTextAsync(string json, RecipeOptions? options = null)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        var source = new RecipeSource("test.recipe.json", () => new MemoryStream(bytes), null);
        return (await Services.GetRequiredService<TenantRecipes>().ImportAsync(Tenant.Name, source, options ?? new RecipeOptions(), default))!;
    }

    public TenantDbContext OpenDb() => new(Services.GetRequiredService<CmsDatabase>().TenantOptions(Tenant), Tenant.Name);

    public async Task<ContentDefinitions> DefinitionsAsync()
    {
        await using var db = OpenDb();
        return await TenantDocuments.GetAsync<ContentDefinitions>(db, ContentDefinitions.DocumentKey, default) ?? new ContentDefinitions();
    }

    public async Task<JsonObject?> DocumentAsync(string key)
    {
        await using var db = OpenDb();
        return await TenantDocuments.GetAsync<JsonObject>(db, key, default);
    }

    /// <summary>Stores a document directly, as an earlier version of the host may have left it.</summary>
    public async Task StoreAsync<T>(string key, T document)
    {
        await using var db = OpenDb();
        await TenantDocuments.SetAsync(db, key, document, DateTimeOffset.UtcNow, default);
    }

    /// <summary>The whole tenant exported as a recipe.</summary>
    public async Task<JsonObject> ExportAsync()
    {
        using var output = new MemoryStream();
        Assert.True(await Services.GetRequiredService<TenantRecipes>().ExportAsync(Tenant.Name, new ExportOptions(), output, default));
        return JsonNode.Parse(output.ToArray())!.AsObject();
    }

    /// <summary>Every current (latest or published) version: id, version id, flags and JSON.</summary>
    public async Task<List<ContentItemRecord>> ItemsAsync()
    {
        await using var db = OpenDb();
        return await db.ContentItems.AsNoTracking().Where(c => c.Latest || c.Published).OrderBy(c => c.ContentItemVersionId).ToListAsync();
    }

    /// <summary>A snapshot of everything a round trip must keep: definitions and current versions.</summary>
    public async Task<string> SnapshotAsync()
    {
        var definitions = ContentDefinitionEditor.ToJson(await DefinitionsAsync()).ToJsonString();
        var items = (await ItemsAsync()).Select(i => $"{i.ContentItemId}|{i.ContentItemVersionId}|{i.Latest}|{i.Published}|{i.RoutePath}|{i.Json}");
        return definitions + "\n" + string.Join("\n", items);
    }
}
