namespace Cms.Security;

/// <summary>Permissions that belong together on the roles page, each with what it allows in words.</summary>
public sealed record PermissionGroup(string Title, IReadOnlyList<(string Name, string Description)> Permissions);
