namespace Cms.Tenancy;

/// <summary>
/// Section <c>Cms:PublicAddress</c>: where readers reach the install, for the absolute links of practices served under a
/// prefix (which proxies may say who the client is: <c>Cms:TrustedProxies</c>).
/// </summary>
public sealed record PublicAddressOptions
{
    public const string Section = "Cms:PublicAddress";

    /// <summary>Scheme, host and port readers use, such as <c>https://practices.example.com</c>; no path.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>What is wrong with the settings, or null: checked when the host starts.</summary>
    public string? Problem() =>
        BaseUrl is not null
        && (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/" || uri.Query.Length > 0)
            ? $"{Section}:BaseUrl '{BaseUrl}' must be an http or https address without a path, such as https://practices.example.com."
            : null;
}
