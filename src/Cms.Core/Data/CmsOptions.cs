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

    /// <summary>Required for PostgreSQL: the shared database that holds the registry and every tenant.</summary>
    public string? ConnectionString { get; init; }
}
