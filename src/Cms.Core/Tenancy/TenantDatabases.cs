using Cms.Data;

namespace Cms.Tenancy;

/// <summary>
/// A practice's data from outside its requests (a module's background work, such as writing view counts): the tenant as
/// the registry has it now, and a context on its database.
/// </summary>
public sealed class TenantDatabases
{
    private readonly TenantRegistry _registry;
    private readonly CmsDatabase _database;

    internal TenantDatabases(TenantRegistry registry, CmsDatabase database)
    {
        _registry = registry;
        _database = database;
    }

    /// <summary>The tenant with this name as the registry has it now, or null when there is none.</summary>
    public TenantSettings? Find(string name) => _registry.Table.FindByName(name);

    /// <summary>A context on the tenant's data; dispose it when done. Within a request, use the runtime's (<see cref="TenantRuntime.CreateDbContext"/>).</summary>
    public TenantDbContext Open(TenantSettings tenant) => _database.CreateTenantContext(tenant);
}
