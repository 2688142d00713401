using System.Security.Claims;
using System.Text.Json.Nodes;
using Cms.Data;
using Cms.Recipes.Steps;
using Cms.Tenancy;

namespace Cms.Security;

/// <summary>
/// A tenant's roles and their permissions (the Roles document), read once per tenant runtime: a change to a
/// role rebuilds the runtime, so it applies to signed-in users at their next request.
/// </summary>
public sealed class RolePermissions
{
    private readonly Dictionary<string, HashSet<string>> _byRole;

    private RolePermissions(Dictionary<string, HashSet<string>> byRole)
    {
        _byRole = byRole;
    }

    public IReadOnlyCollection<string> Roles => _byRole.Keys;

    public static async Task<RolePermissions> LoadAsync(TenantRuntime tenant, CancellationToken cancellationToken)
    {
        await using var db = tenant.CreateDbContext();
        var document = await TenantDocuments.GetAsync<JsonObject>(db, RecipeDocuments.Roles, cancellationToken) ?? [];
        var byRole = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, role) in document)
        {
            byRole[name] = (role?["Permissions"] as JsonArray ?? [])
                .Select(p => p is JsonValue v && v.TryGetValue<string>(out var s) ? s : null)
                .OfType<string>()
                .ToHashSet(StringComparer.Ordinal);
        }

        foreach (var builtIn in new[] { Security.Roles.Administrator, Security.Roles.Editor, Security.Roles.Author })
        {
            byRole.TryAdd(builtIn, []);
        }

        return new RolePermissions(byRole);
    }

    public IReadOnlySet<string> Of(string role) => _byRole.TryGetValue(role, out var set) ? set : new HashSet<string>();

    /// <summary>Whether the user's roles grant the permission (Administrator grants all; a broader permission grants its "own" form).</summary>
    public bool Grants(ClaimsPrincipal user, string permission)
    {
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
        if (roles.Contains(Security.Roles.Administrator, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        var broader = Permissions.BroaderOf(permission);
        return roles.Any(role => _byRole.TryGetValue(role, out var set) && (set.Contains(permission) || (broader is not null && set.Contains(broader))));
    }
}
