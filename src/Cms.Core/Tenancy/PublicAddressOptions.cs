namespace Cms.Tenancy;

/// <summary>
/// Section <c>Cms:PublicAddress</c>: where readers reach the install, for the absolute links of practices served under a
/// prefix, and which proxies may say who the client is.
/// </summary>
public sealed record PublicAddressOptions
{
    public const string Section = "Cms:PublicAddress";

    /// <summary>Scheme, host and port readers use, such as <c>https://practices.example.com</c>; no path.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>
    /// Addresses or networks (<c>10.0.0.0/8</c>) of reverse proxies whose <c>X-Forwarded-For</c> and
    /// <c>X-Forwarded-Proto</c> are believed; none by default, so a client cannot claim another address or scheme.
    /// </summary>
    public IReadOnlyList<string> TrustedProxies { get; init; } = [];

    /// <summary>What is wrong with the settings, or null: checked when the host starts.</summary>
    public string? Problem()
    {
        if (BaseUrl is not null
            && (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/" || uri.Query.Length > 0))
        {
            return $"{Section}:BaseUrl '{BaseUrl}' must be an http or https address without a path, such as https://practices.example.com.";
        }

        var bad = TrustedProxies.FirstOrDefault(p => !System.Net.IPNetwork.TryParse(p, out _) && !System.Net.IPAddress.TryParse(p, out _));
        return bad is null ? null : $"{Section}:TrustedProxies has '{bad}', which is neither an IP address nor a network such as 10.0.0.0/8.";
    }
}
