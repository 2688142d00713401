using Cms.Data;
using Cms.Recipes;
using Cms.Recipes.Execution;
using Cms.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests.Support;

/// <summary>A practice of a test's own, set up with the practice recipe, and its stored documents read or written directly.</summary>
internal static class PracticeStorage
{
    public const string AdminUser = "practice-admin";
    public const string Password = "a-long-password-1";

    /// <summary>Creates the practice (prefix = name), with the demo's sample content when asked, and returns its administrator, signed in.</summary>
    public static async Task<HttpClient> NewPracticeAsync(CmsFactory factory, string name, bool withSample = false)
    {
        var created = await factory.Services.GetRequiredService<TenantManager>().CreateAsync(
            new CreateTenantRequest { Name = name, Prefix = name, RecipeName = "practice", AdminUserName = AdminUser, AdminPassword = Password }, default);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        if (withSample)
        {
            var sample = factory.Services.GetRequiredService<RecipeCatalog>().Find("practice-sample")!;
            var imported = await factory.Services.GetRequiredService<TenantRecipes>().ImportAsync(name, RecipeSource.FromFile(sample.FilePath), new RecipeOptions(), default);
            Assert.True(imported is { Applied: true }, string.Join(" ", imported?.Errors ?? []));
        }

        return await Admin.AdminSite.SignInAsync(factory, AdminUser, Password, "/" + name);
    }

    public static async Task<T?> GetAsync<T>(CmsFactory factory, string practice, string key)
        where T : class
    {
        await using var db = await OpenDbAsync(factory, practice);
        return await TenantDocuments.GetAsync<T>(db, key, default);
    }

    /// <summary>Writes a document as an earlier version of the host may have left it; the practice's runtime hears of the change.</summary>
    public static async Task SetAsync<T>(CmsFactory factory, string practice, string key, T document)
    {
        await using var db = await OpenDbAsync(factory, practice);
        await TenantDocuments.SetAsync(db, key, document, DateTimeOffset.UtcNow, default);
    }

    public static async Task<TenantDbContext> OpenDbAsync(CmsFactory factory, string practice)
    {
        var tenant = (await factory.Services.GetRequiredService<TenantManager>().FindAsync(practice, default))!;
        return new TenantDbContext(factory.Services.GetRequiredService<CmsDatabase>().TenantOptions(tenant), tenant.Name);
    }
}
