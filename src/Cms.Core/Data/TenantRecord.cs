namespace Cms.Data;

/// <summary>A row of the tenant registry in the host database.</summary>
internal sealed class TenantRecord
{
    public required string Name { get; set; }

    /// <summary>The name in lower case: the registry's key, so names are unique whatever their case.</summary>
    public required string NormalizedName { get; set; }

    public required string State { get; set; }

    /// <summary>Single path segment, stored lower case, unique when present.</summary>
    public string? Prefix { get; set; }

    /// <summary>A database of the tenant's own; null means the host's default store.</summary>
    public string? ConnectionString { get; set; }

    public string? RecipeName { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>Moves when what the tenant's runtime is built from changes (definitions, features), so every node rebuilds it.</summary>
    public long Revision { get; set; }

    /// <summary>Moves with every committed change to the tenant, so a node can tell a change it did not hear of.</summary>
    public long ChangeRevision { get; set; }

    public List<TenantHostRecord> Hosts { get; set; } = [];
}

/// <summary>One host name of a tenant; the primary key makes a host belong to one tenant only.</summary>
internal sealed class TenantHostRecord
{
    public required string Host { get; set; }

    public required string TenantName { get; set; }
}

/// <summary>A counter bumped with every registry change, so other processes see that something changed.</summary>
internal sealed class HostStateRecord
{
    public int Id { get; set; }

    public long RegistryVersion { get; set; }
}
