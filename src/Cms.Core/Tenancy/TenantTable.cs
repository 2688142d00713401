namespace Cms.Tenancy;

/// <summary>An immutable snapshot of the registry, indexed for request resolution.</summary>
internal sealed class TenantTable
{
    public static readonly TenantTable Empty = new([], 0);

    private readonly Dictionary<string, TenantSettings> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TenantSettings> _byHost = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TenantSettings> _byPrefix = new(StringComparer.OrdinalIgnoreCase);

    public TenantTable(IReadOnlyList<TenantSettings> tenants, long version)
    {
        Tenants = tenants;
        Version = version;
        foreach (var tenant in tenants)
        {
            _byName[tenant.Name] = tenant;
            if (tenant.IsDefault)
            {
                Default = tenant;
                continue;
            }

            foreach (var host in tenant.Hosts)
            {
                _byHost[host] = tenant;
            }

            if (tenant.Prefix is not null)
            {
                _byPrefix[tenant.Prefix] = tenant;
            }
        }
    }

    public IReadOnlyList<TenantSettings> Tenants { get; }

    public long Version { get; }

    public TenantSettings? Default { get; }

    public TenantSettings? FindByName(string name) => _byName.GetValueOrDefault(name);

    public TenantSettings? FindByHost(string host) => _byHost.GetValueOrDefault(host);

    public TenantSettings? FindByPrefix(string prefix) => _byPrefix.GetValueOrDefault(prefix);
}
