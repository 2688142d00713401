using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace Cms.Security;

/// <summary>The network a request comes from, as sign-in throttling counts it.</summary>
internal static class ClientAddress
{
    /// <summary>
    /// An IPv4 address, or an IPv6 address's /64 network: one home or server is given a whole /64, so counting single
    /// IPv6 addresses would let one attacker appear as billions of clients. No address (a test server) is one client.
    /// </summary>
    public static string Key(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
