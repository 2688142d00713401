using System.Security.Claims;
using System.Text.Json.Nodes;
using Cms.Data;
using Cms.Recipes.Steps;
using Cms.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Cms.Security;

/// <summary>
/// A tenant's roles and their permissions (the Roles document) and its users' roles, read once per tenant
/// runtime. A user's rights come from the stored user, not from the sign-in cookie: changing someone's roles
/// or disabling them rebuilds the runtime, so it applies at their next request, not at their next sign-in.
/// </summary>
public sealed class RolePermissions
{
    private readonly Dictionary<string, HashSet<string>> _byRole;
    private readonly Dictionary<string, string[]> _userRoles;

    private RolePermissions(Dictionary<string, HashSet<string>> byRole, Dictionary<string, string[]> userRoles)
    {
        _byRole = byRole;
        _userRoles = userRoles;
    }

    public IReadOnlyCollection<string> Roles => _byRole.Keys;

    public static async Task<RolePermissions> LoadAsync(TenantRuntime tenant, CancellationToken cancellationToken)
    {
        await using var db = tenant.CreateDbContext();
        var document = await TenantDocuments.GetAsync<JsonObject>(db, RecipeDocuments.Roles, cancellationToken) ?? [];
        var byRole = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, role) in document)
        {
            // A role stored by an earlier version may name a permission by its former name.
            byRole[name] = (role?["Permissions"] as JsonArray ?? [])
                .Select(p => p is JsonValue v && v.TryGetValue<string>(out var s) ? Permissions.CurrentName(s) : null)
                .OfType<string>()
                .ToHashSet(StringComparer.Ordinal);
        }

        foreach (var builtIn in new[] { Security.Roles.Administrator, Security.Roles.Editor, Security.Roles.Author })
        {
            byRole.TryAdd(builtIn, []);
        }

        // Enabled users only: a disabled user has no rights even with a cookie issued before.
        var users = await db.Users.AsNoTracking().Where(u => u.IsEnabled).Select(u => new { u.Id, u.Roles }).ToListAsync(cancellationToken);
        return new RolePermissions(byRole, users.ToDictionary(u => u.Id, u => u.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal));
    }

    public IReadOnlySet<string> Of(string role) => _byRole.TryGetValue(role, out var set) ? set : new HashSet<string>();

    /// <summary>Whether the user's roles grant the permission (Administrator grants all; a broader permission grants its "own" form).</summary>
    public bool Grants(ClaimsPrincipal user, string permission)
    {
        var roles = RolesOf(user);
        if (roles.Contains(Security.Roles.Administrator, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        var broader = Permissions.BroaderOf(permission);
        return roles.Any(role => _byRole.TryGetValue(role, out var set) && (set.Contains(permission) || (broader is not null && set.Contains(broader))));
    }

    /// <summary>Whether the user's stored roles, not the ones their cookie names, include Administrator.</summary>
    public bool IsAdministrator(ClaimsPrincipal user) => RolesOf(user).Contains(Security.Roles.Administrator, StringComparer.OrdinalIgnoreCase);

    /// <summary>The stored roles of the signed-in user; none for a user who is unknown or disabled.</summary>
    public IReadOnlyList<string> RolesOf(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && _userRoles.TryGetValue(id, out var roles) ? roles : [];
}
