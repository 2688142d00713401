using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Cms.Tenancy;

/// <summary>
/// The scheme, host and port a practice's absolute links start with (canonical, OpenGraph, JSON-LD, sitemap, feeds,
/// robots.txt). Only names the operator configured are used: a practice's own host name when the request came by it,
/// else <see cref="PublicAddressOptions.BaseUrl"/>, else the host tenant's first host name. A Host header that matched
/// nothing of the kind (a practice reached by prefix under any name) is a client's word and is never copied into a page.
/// </summary>
public sealed class PublicOrigin
{
    private readonly string? _baseUrl;
    private readonly TenantRegistry _registry;

    internal PublicOrigin(IOptions<PublicAddressOptions> options, TenantRegistry registry)
    {
        _baseUrl = options.Value.BaseUrl?.TrimEnd('/');
        _registry = registry;
    }

    public string Of(HttpContext context)
    {
        var request = context.Request;
        var host = TenantNames.NormalizeHost(request.Host.Host);
        var tenant = context.GetTenant().Settings;

        // Reached by a name of its own (the resolver only matches configured names) or on the local machine.
        if (!request.PathBase.HasValue && (tenant.Hosts.Contains(host, StringComparer.Ordinal) || IsLocal(host)))
        {
            return $"{request.Scheme}://{request.Host}";
        }

        if (_baseUrl is not null)
        {
            return _baseUrl;
        }

        if (_registry.Table.Default is { Hosts: [var hostName, ..] })
        {
            return $"{request.Scheme}://{hostName}";
        }

        // Nothing configured: the address the connection reached, which a client cannot choose.
        return IsLocal(host) ? $"{request.Scheme}://{request.Host}" : $"{request.Scheme}://{LocalAddress(context.Connection, request.IsHttps ? 443 : 80)}";
    }

    private static bool IsLocal(string host) =>
        host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static string LocalAddress(ConnectionInfo connection, int defaultPort)
    {
        var ip = connection.LocalIpAddress is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : connection.LocalIpAddress;
        var name = ip is null || IPAddress.IsLoopback(ip) ? "localhost" : ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString();
        return connection.LocalPort == 0 || connection.LocalPort == defaultPort ? name : $"{name}:{connection.LocalPort}";
    }
}
