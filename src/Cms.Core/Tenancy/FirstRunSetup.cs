using System.Security.Cryptography;
using Cms.Recipes;
using Cms.Recipes.Execution;
using Cms.Security;
using Microsoft.Extensions.Options;

namespace Cms.Tenancy;

/// <summary>
/// On an empty data folder: the Default tenant with its host administrator, then the demo practice.
/// A data folder that already has a Default tenant is reused as it is.
/// </summary>
internal sealed class FirstRunSetup
{
    private const string PasswordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-_!";

    private readonly TenantManager _tenants;
    private readonly TenantRecipes _recipes;
    private readonly RecipeCatalog _catalog;
    private readonly IOptions<SetupOptions> _options;

    public FirstRunSetup(TenantManager tenants, TenantRecipes recipes, RecipeCatalog catalog, IOptions<SetupOptions> options)
    {
        _tenants = tenants;
        _recipes = recipes;
        _catalog = catalog;
        _options = options;
    }

    /// <summary>Returns what was set up, or null when the data folder was already set up.</summary>
    public async Task<FirstRunResult?> RunAsync(CancellationToken cancellationToken)
    {
        if (await _tenants.FindAsync(TenantSettings.DefaultName, cancellationToken) is not null)
        {
            return null;
        }

        var options = _options.Value;
        var generated = string.IsNullOrEmpty(options.AdminPassword);
        if (!generated && PasswordRule.Check(options.AdminPassword) is { } problem)
        {
            throw new InvalidOperationException($"First-run setup failed: {SetupOptions.Section}:{nameof(SetupOptions.AdminPassword)} is not accepted. {problem}");
        }

        var password = generated ? RandomNumberGenerator.GetString(PasswordAlphabet, 20) : options.AdminPassword!;
        var host = await _tenants.CreateAsync(new CreateTenantRequest { Name = TenantSettings.DefaultName, AdminUserName = options.AdminUserName, AdminPassword = password }, cancellationToken);
        Ensure(host);

        TenantSettings? demo = null;
        if (!string.IsNullOrWhiteSpace(options.DemoTenant))
        {
            var demoName = options.DemoTenant.Trim();
            var created = await _tenants.CreateAsync(
                new CreateTenantRequest
                {
                    Name = demoName,
                    Prefix = demoName,
                    Hosts = [$"{demoName}.localhost"],
                    RecipeName = options.DemoRecipe,
                    AdminUserName = options.AdminUserName,
                    AdminPassword = password,
                },
                cancellationToken);
            Ensure(created);
            demo = created.Tenant;
            await ImportSampleAsync(demoName, options.DemoContent, cancellationToken);
        }

        return new FirstRunResult(options.AdminUserName, generated ? password : null, demo);
    }

    private async Task ImportSampleAsync(string tenant, string? recipeName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(recipeName))
        {
            return;
        }

        var recipe = _catalog.Find(recipeName) ?? throw new InvalidOperationException($"First-run setup failed: there is no recipe named '{recipeName}' (Cms:Setup:DemoContent).");
        var result = await _recipes.ImportAsync(tenant, RecipeSource.FromFile(recipe.FilePath), new RecipeOptions(), cancellationToken);
        if (result is not { Applied: true })
        {
            throw new InvalidOperationException($"First-run setup failed: the sample content '{recipeName}' was not imported. " + string.Join(" ", result?.Errors.Select(e => e.ToString()) ?? []));
        }
    }

    private static void Ensure(TenantResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("First-run setup failed: " + string.Join(" ", result.Errors));
        }
    }
}

/// <summary>What the first run made; the password is set only when it was generated, to be shown once.</summary>
internal sealed record FirstRunResult(string AdminUserName, string? GeneratedPassword, TenantSettings? Demo);
