namespace Cms.Tenancy;

/// <summary>
/// Finds the tenant of a request: a host name of the tenant's own first, then <c>{name}.localhost</c>
/// for local use, then the first path segment as a prefix, and last the Default tenant when the host
/// is one of its own (or it has none, which makes it the fallback for every other host).
/// </summary>
internal static class HostThenPrefixTenantResolver
{
    private const string LocalhostSuffix = ".localhost";

    public static TenantMatch? Resolve(TenantTable table, string host, string path)
    {
        host = TenantNames.NormalizeHost(host);
        if (table.FindByHost(host) is { } byHost)
        {
            return new TenantMatch(byHost, null);
        }

        var isLocalName = host.EndsWith(LocalhostSuffix, StringComparison.Ordinal);
        if (isLocalName)
        {
            var name = host[..^LocalhostSuffix.Length];
            return table.FindByName(name) is { IsDefault: false } local ? new TenantMatch(local, null) : null;
        }

        var segment = FirstSegment(path);
        if (segment.Length > 0 && table.FindByPrefix(segment) is { } byPrefix)
        {
            return new TenantMatch(byPrefix, byPrefix.Prefix);
        }

        if (table.Default is { } fallback && (fallback.Hosts.Count == 0 || fallback.Hosts.Contains(host, StringComparer.Ordinal)))
        {
            return new TenantMatch(fallback, null);
        }

        return null;
    }

    private static string FirstSegment(string path)
    {
        var span = path.AsSpan().TrimStart('/');
        var end = span.IndexOf('/');
        return (end < 0 ? span : span[..end]).ToString();
    }
}
