using System.Text.Json.Nodes;
using Cms.Data;
using Cms.Recipes.Steps;
using Microsoft.EntityFrameworkCore;

namespace Cms.Security;

/// <summary>
/// The roles page's changes to the tenant's Roles document (role name → Name, Description, Permissions, as the
/// Roles recipe step stores it). Permissions this site does not know, such as an Orchard recipe's, are kept as
/// they are; Administrator is never changed, since it has every permission without listing them.
/// </summary>
internal static class RoleDocument
{
    public const int MaxNameLength = 50;

    /// <summary>The roles every tenant has; they can be changed but not deleted.</summary>
    public static readonly IReadOnlyList<string> BuiltIn = [Roles.Administrator, Roles.Editor, Roles.Author];

    public static bool IsBuiltIn(string role) => BuiltIn.Contains(role, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every role, built-in ones first, each with its permissions and how many users have it.</summary>
    public static async Task<IReadOnlyList<RoleEntry>> ListAsync(TenantDbContext db, CancellationToken cancellationToken)
    {
        var document = await ReadAsync(db, cancellationToken);
        var holders = await HoldersAsync(db, cancellationToken);
        var names = BuiltIn.Concat(document.Select(r => r.Key).Where(n => !IsBuiltIn(n)).Order(StringComparer.OrdinalIgnoreCase));
        return names.Select(name =>
        {
            var stored = Find(document, name)?.Value as JsonObject;
            return new RoleEntry(
                Text(stored, "Name") ?? name,
                Text(stored, "Description"),
                PermissionsOf(stored).ToHashSet(StringComparer.Ordinal),
                holders.GetValueOrDefault(name),
                IsBuiltIn(name));
        }).ToList();
    }

    /// <summary>Why a new role's name will not do, or null when it will.</summary>
    public static string? CheckNewName(string name, IEnumerable<string> existing) =>
        name.Length == 0 ? "Give the new role a name."
        : name.Length > MaxNameLength ? $"The role name is longer than {MaxNameLength} characters."
        : !name.All(char.IsLetterOrDigit) ? $"The role name “{name}” can only have letters and digits (no spaces or punctuation), e.g. “Therapist”."
        : existing.Contains(name, StringComparer.OrdinalIgnoreCase) ? $"There is already a role named “{name}”."
        : null;

    /// <summary>Adds a role with no permissions; the reason it was refused, or null.</summary>
    public static async Task<string?> AddAsync(TenantDbContext db, string name, string? description, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var document = await ReadAsync(db, cancellationToken);
        if (CheckNewName(name, document.Select(r => r.Key).Concat(BuiltIn)) is { } problem)
        {
            return problem;
        }

        document[name] = Role(name, string.IsNullOrWhiteSpace(description) ? null : description.Trim(), []);
        await TenantDocuments.SetAsync(db, RecipeDocuments.Roles, document, now, cancellationToken);
        return null;
    }

    /// <summary>Deletes a role no user has; the reason it was refused, or null.</summary>
    public static async Task<string?> DeleteAsync(TenantDbContext db, string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (IsBuiltIn(name))
        {
            return $"The role “{name}” comes with every site and cannot be deleted. You can change what it may do.";
        }

        var document = await ReadAsync(db, cancellationToken);
        if (Find(document, name) is not { Key: var key })
        {
            return $"There is no role named “{name}”; perhaps someone else deleted it.";
        }

        var users = (await HoldersAsync(db, cancellationToken)).GetValueOrDefault(name);
        if (users > 0)
        {
            return $"The role “{key}” cannot be deleted: {users} {(users == 1 ? "user has" : "users have")} it. Take it away from them on the Users page first.";
        }

        document.Remove(key);
        await TenantDocuments.SetAsync(db, RecipeDocuments.Roles, document, now, cancellationToken);
        return null;
    }

    /// <summary>
    /// Sets the permissions of the given roles to exactly the granted ones this site knows. Roles not given, and
    /// Administrator, are left as they are; so is a role deleted since the form was opened.
    /// </summary>
    public static async Task SetPermissionsAsync(TenantDbContext db, IReadOnlyDictionary<string, IReadOnlySet<string>> granted, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var document = await ReadAsync(db, cancellationToken);
        foreach (var (name, permissions) in granted)
        {
            if (string.Equals(name, Roles.Administrator, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var stored = Find(document, name);
            if (stored is null && !IsBuiltIn(name))
            {
                continue;
            }

            var role = stored?.Value as JsonObject;
            var kept = PermissionsOf(role).Where(p => !Permissions.IsKnown(p));
            var chosen = Permissions.All.Select(p => p.Name).Where(permissions.Contains);
            var key = stored?.Key ?? BuiltIn.First(b => string.Equals(b, name, StringComparison.OrdinalIgnoreCase));
            document[key] = Role(Text(role, "Name") ?? key, Text(role, "Description"), chosen.Concat(kept));
        }

        await TenantDocuments.SetAsync(db, RecipeDocuments.Roles, document, now, cancellationToken);
    }

    private static async Task<JsonObject> ReadAsync(TenantDbContext db, CancellationToken cancellationToken) =>
        await TenantDocuments.GetAsync<JsonObject>(db, RecipeDocuments.Roles, cancellationToken) ?? [];

    private static KeyValuePair<string, JsonNode?>? Find(JsonObject document, string name) =>
        document.Where(r => string.Equals(r.Key, name, StringComparison.OrdinalIgnoreCase)).Select(r => (KeyValuePair<string, JsonNode?>?)r).FirstOrDefault();

    /// <summary>A role's permissions by their current names (a role stored by an earlier version may have a former one), each once.</summary>
    private static IEnumerable<string> PermissionsOf(JsonObject? role) =>
        (role?["Permissions"] as JsonArray ?? []).Select(p => p is JsonValue v && v.TryGetValue<string>(out var s) ? Permissions.CurrentName(s) : null).OfType<string>().Distinct(StringComparer.Ordinal);

    /// <summary>Permission names as a recipe gives them, by their current names, each once.</summary>
    public static JsonArray CurrentNames(JsonNode? permissions) =>
        new(PermissionsOf(new JsonObject { ["Permissions"] = permissions?.DeepClone() }).Select(p => (JsonNode)JsonValue.Create(p)).ToArray());

    /// <summary>A copy of a stored role with its permissions by their current names, as an export writes it.</summary>
    public static JsonNode? WithCurrentNames(JsonNode? role)
    {
        var copy = role?.DeepClone();
        if (copy is JsonObject stored && stored["Permissions"] is JsonArray permissions)
        {
            stored["Permissions"] = CurrentNames(permissions);
        }

        return copy;
    }

    private static string? Text(JsonObject? role, string property) =>
        role?[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static JsonObject Role(string name, string? description, IEnumerable<string> permissions) => new()
    {
        ["Name"] = name,
        ["Description"] = description,
        ["Permissions"] = new JsonArray(permissions.Select(p => (JsonNode)JsonValue.Create(p)).ToArray()),
    };

    /// <summary>How many users (enabled or not: a disabled one may come back) have each role.</summary>
    private static async Task<Dictionary<string, int>> HoldersAsync(TenantDbContext db, CancellationToken cancellationToken)
    {
        var all = await db.Users.AsNoTracking().Select(u => u.Roles).ToListAsync(cancellationToken);
        return all.SelectMany(roles => roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase))
            .GroupBy(role => role, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
    }
}
