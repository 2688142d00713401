using System.Text.Json.Nodes;
using Cms.Data;
using Cms.Recipes;
using Cms.Recipes.Execution;
using Cms.Recipes.Steps;
using Cms.Security;

namespace Cms.Tenancy;

/// <summary>Prepares a new tenant's data: schema, site settings, first administrator, setup recipe.</summary>
internal sealed class TenantSetup
{
    /// <summary>The longest display name (a site name shown in titles and headings).</summary>
    public const int MaxDisplayName = 100;

    private readonly CmsDatabase _database;
    private readonly UserAccounts _users;
    private readonly RecipeCatalog _recipes;
    private readonly RecipeExecutor _executor;
    private readonly TimeProvider _time;

    public TenantSetup(CmsDatabase database, UserAccounts users, RecipeCatalog recipes, RecipeExecutor executor, TimeProvider time)
    {
        _database = database;
        _users = users;
        _recipes = recipes;
        _executor = executor;
        _time = time;
    }

    /// <summary>Every reason the request cannot set up a tenant, before anything is written.</summary>
    public IReadOnlyList<string> Check(CreateTenantRequest request)
    {
        var errors = new List<string>();
        if (request.RecipeName is { } recipe)
        {
            var found = _recipes.Find(recipe);
            if (found is null)
            {
                var known = string.Join(", ", _recipes.Recipes.Where(r => r.IsSetupRecipe).Select(r => r.Name));
                errors.Add($"There is no recipe named '{recipe}'. Setup recipes: {(known.Length > 0 ? known : "none")}.");
            }
            else if (!found.IsSetupRecipe)
            {
                errors.Add($"The recipe '{recipe}' is not a setup recipe (it lacks \"issetuprecipe\": true); import it into a tenant instead.");
            }
        }

        if (request.DisplayName is { } displayName && (displayName.Trim().Length is 0 or > MaxDisplayName || displayName.Any(char.IsControl)))
        {
            errors.Add($"The display name must be 1 to {MaxDisplayName} characters on one line, e.g. “Oak Counseling”.");
        }

        if (request.AdminUserName is null != request.AdminPassword is null)
        {
            errors.Add("Give both the administrator's user name and password, or neither.");
        }
        else if (request.AdminUserName is not null)
        {
            errors.AddRange(new[] { UserAccounts.CheckUserName(request.AdminUserName), PasswordRule.Check(request.AdminPassword) }.OfType<string>());
        }

        return errors;
    }

    // The site name a person gave, else the host's or the tenant's technical name.
    private static string SiteName(TenantSettings tenant, CreateTenantRequest request) =>
        request.DisplayName?.Trim() ?? (tenant.IsDefault ? TenantSettings.HostDisplayName : tenant.Name);

    public async Task SetUpAsync(TenantSettings tenant, CreateTenantRequest request, CancellationToken cancellationToken)
    {
        await _database.MigrateTenantAsync(tenant, cancellationToken);
        await using var db = _database.CreateTenantContext(tenant);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await TenantDocuments.SetAsync(db, SiteSettings.DocumentKey, new SiteSettings { SiteName = SiteName(tenant, request) }, _time.GetUtcNow(), cancellationToken);
        if (request.RecipeName is not null)
        {
            // As in Orchard, a setup recipe's feature steps say which features the new site has, starting from none;
            // without a recipe it has every module's (TenantFeatures).
            await TenantDocuments.SetAsync(db, RecipeDocuments.Features, new JsonObject { ["Enabled"] = new JsonArray() }, _time.GetUtcNow(), cancellationToken);
        }
        UserRecord? admin = null;
        if (request.AdminUserName is not null && request.AdminPassword is not null)
        {
            admin = await _users.CreateAsync(db, request.AdminUserName, request.AdminPassword, [Roles.Administrator], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (request.RecipeName is not null && _recipes.Find(request.RecipeName) is { } recipe)
        {
            await RunSetupRecipeAsync(tenant, SiteName(tenant, request), recipe, admin, cancellationToken);
        }
    }

    // Orchard's setup parameters, readable in the recipe as [js: parameters('Name')].
    private async Task RunSetupRecipeAsync(TenantSettings tenant, string siteName, RecipeDescriptor recipe, UserRecord? admin, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string>
        {
            ["SiteName"] = siteName,
            ["SiteTimeZone"] = "UTC",
            ["AdminUserId"] = admin?.Id ?? "",
            ["AdminUsername"] = admin?.UserName ?? "",
            ["AdminEmail"] = admin?.Email ?? "",
            ["DatabaseProvider"] = _database.Provider.ToString(),
        };
        var result = await _executor.ExecuteAsync(tenant, RecipeSource.FromFile(recipe.FilePath), new RecipeOptions { Parameters = parameters }, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The recipe '{recipe.Name}' failed: {string.Join(" ", result.Errors.Take(10))}");
        }
    }
}
