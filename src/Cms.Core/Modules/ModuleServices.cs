using Cms.Recipes.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Modules;

/// <summary>How a module adds what it brings to the host's services, in its own <c>Add…Module</c> method.</summary>
public static class ModuleServices
{
    /// <summary>A recipe step of the module's, run by the recipe engine beside Orchard's own steps.</summary>
    public static IServiceCollection AddModuleRecipeStep<T>(this IServiceCollection services)
        where T : class, IModuleRecipeStep
    {
        services.AddSingleton<T>();
        services.AddSingleton<IRecipeStep>(provider => new ModuleRecipeStepAdapter(provider.GetRequiredService<T>()));
        return services;
    }
}
