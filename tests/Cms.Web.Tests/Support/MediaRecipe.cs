using Cms.Recipes;
using Cms.Recipes.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests.Support;

/// <summary>A recipe with one media step bringing one file (Base64), imported into a practice as the CLI imports it.</summary>
internal static class MediaRecipe
{
    public static async Task<RecipeResult> ImportAsync(CmsFactory factory, string practice, string target, byte[] bytes)
    {
        var file = Path.Combine(Path.GetTempPath(), $"media-{Guid.NewGuid():N}.recipe.json");
        await File.WriteAllTextAsync(file, $$"""{ "name": "media", "steps": [ { "name": "media", "Files": [ { "TargetPath": "{{target}}", "Base64": "{{Convert.ToBase64String(bytes)}}" } ] } ] }""");
        try
        {
            return (await factory.Services.GetRequiredService<TenantRecipes>().ImportAsync(practice, RecipeSource.FromFile(file), new RecipeOptions(), default))!;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
