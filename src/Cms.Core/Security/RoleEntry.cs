namespace Cms.Security;

/// <summary>A role as the roles page shows it: what it may do and how many users have it.</summary>
public sealed record RoleEntry(string Name, string? Description, IReadOnlySet<string> Permissions, int Users, bool IsBuiltIn)
{
    /// <summary>Administrator may do everything, whatever is stored; its permissions are not edited.</summary>
    public bool IsAdministrator => string.Equals(Name, Roles.Administrator, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the role has the permission itself or through the broader one ("edit anyone's" includes "edit own").</summary>
    public bool Grants(string permission) =>
        IsAdministrator || Permissions.Contains(permission) || (Security.Permissions.BroaderOf(permission) is { } broader && Permissions.Contains(broader));
}
