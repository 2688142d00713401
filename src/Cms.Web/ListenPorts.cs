using System.Net;
using System.Net.Sockets;
using Cms.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Cms.Web;

/// <summary>
/// The ports Kestrel is configured to listen on, tried before anything is set up. Kestrel itself finds a port in use
/// only when it starts: after the first run had set up the data folder with a generated password nobody saw, and with
/// 30 KB of stack traces.
/// </summary>
internal static class ListenPorts
{
    private const string KestrelDefault = "http://localhost:5000";

    /// <summary>Throws a <see cref="SettingsProblemException"/> naming the first configured port that is in use.</summary>
    public static void EnsureFree(WebApplication app)
    {
        // Only Kestrel binds ports (an in-memory test server has none).
        if (app.Services.GetRequiredService<IServer>().GetType().Assembly != typeof(KestrelServerOptions).Assembly)
        {
            return;
        }

        foreach (var url in Urls(app.Configuration))
        {
            var address = BindingAddress.Parse(url);
            if (!address.IsUnixPipe && !address.IsNamedPipe && address.Port > 0 && InUse(address))
            {
                var host = address.Host is "*" or "+" or "0.0.0.0" or "[::]" ? "localhost" : address.Host;
                throw new SettingsProblemException($"Port {address.Port} is in use; choose another with --urls {address.Scheme}://{host}:{address.Port + 1}");
            }
        }
    }

    // Kestrel's own order: its endpoints in configuration, else the URLs (--urls, ASPNETCORE_URLS), else the ports
    // (ASPNETCORE_HTTP_PORTS, ASPNETCORE_HTTPS_PORTS), else localhost:5000.
    private static List<string> Urls(IConfiguration configuration)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>().ToList();
        if (endpoints.Count > 0)
        {
            return endpoints;
        }

        if (List(configuration["urls"]) is { Count: > 0 } urls)
        {
            return urls;
        }

        var ports = List(configuration["http_ports"]).Select(p => $"http://*:{p}").Concat(List(configuration["https_ports"]).Select(p => $"https://*:{p}")).ToList();
        return ports.Count > 0 ? ports : [KestrelDefault];
    }

    private static List<string> List(string? value) =>
        [.. (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    // "localhost" is both loopbacks to Kestrel, and either in use stops it; any other name is every address.
    private static bool InUse(BindingAddress address)
    {
        IPAddress[] candidates = address.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            ? [IPAddress.Loopback, IPAddress.IPv6Loopback]
            : IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) ? [ip] : [IPAddress.IPv6Any];
        return candidates.Any(candidate => InUse(candidate, address.Port));
    }

    private static bool InUse(IPAddress ip, int port)
    {
        try
        {
            using var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            if (ip.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }

            socket.Bind(new IPEndPoint(ip, port));
            return false;
        }
        catch (SocketException e)
        {
            // Anything else (no IPv6 on this machine, a port that needs privileges) is Kestrel's to report.
            return e.SocketErrorCode == SocketError.AddressAlreadyInUse;
        }
    }
}
