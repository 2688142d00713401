namespace Cms.Data;

/// <summary>The host's storage settings, bound from the <c>Cms</c> configuration section.</summary>
public sealed record CmsOptions
{
    public const string Section = "Cms";

    /// <summary>Folder for SQLite files and media; relative paths are under the content root.</summary>
    public string DataPath { get; init; } = "App_Data";

    public DatabaseOptions Database { get; init; } = new();

    /// <summary>Folder of the recipes tenants can be set up from; relative paths are under the program's folder.</summary>
    public string RecipesPath { get; init; } = "Recipes";
}

public sealed record DatabaseOptions
{
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>Required for PostgreSQL: the shared database that holds the registry and every tenant, as the role the host runs as.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>
    /// PostgreSQL, recommended: the same database as a role that owns the tables. Migrations run as this role, which
    /// then grants the role of <see cref="ConnectionString"/> only SELECT, INSERT, UPDATE and DELETE, so the running
    /// host cannot switch row-level security off. Without it the host's own role migrates and owns the tables.
    /// </summary>
    public string? MigrationConnectionString { get; init; }

    /// <summary>
    /// PostgreSQL: start even when the host's role is a superuser or has BYPASSRLS, to which row-level security does
    /// not apply. Off by default: such a role is refused at start.
    /// </summary>
    public bool AllowRowLevelSecurityBypass { get; init; }
}
