using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.HttpOverrides;

namespace Cms.Web;

/// <summary>
/// <c>Cms:TrustedProxies</c>: the reverse proxies (addresses or networks, "10.0.0.5" or "10.0.0.0/8", as a list or
/// comma-separated) whose X-Forwarded-For names the client and X-Forwarded-Proto the scheme the reader used. Behind a
/// proxy, every client otherwise has the proxy's address and shares one sign-in limit, and links say http. None by
/// default: a client's own header is never believed, or it could choose the address that sign-in throttling counts.
/// </summary>
internal static class TrustedProxies
{
    public const string Section = "Cms:TrustedProxies";

    public static void UseTrustedProxies(this WebApplication app)
    {
        var section = app.Configuration.GetSection(Section);
        var entries = (string.IsNullOrEmpty(section.Value) ? section.Get<string[]>() ?? [] : section.Value.Split(','))
            .Select(e => e.Trim())
            .Where(e => e.Length > 0)
            .ToList();
        if (entries.Count == 0)
        {
            return;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in entries)
        {
            options.KnownIPNetworks.Add(Parse(entry));
        }

        app.UseForwardedHeaders(options);
    }

    private static System.Net.IPNetwork Parse(string entry) =>
        System.Net.IPNetwork.TryParse(entry, out var network) ? network
        : IPAddress.TryParse(entry, out var address) ? new System.Net.IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128)
        : throw new Cms.Data.SettingsProblemException($"{Section}: '{entry}' is neither an IP address nor a network such as 10.0.0.0/8.");
}
