namespace Cms.Tenancy;

/// <summary>The rules for tenant names, URL prefixes and host names, in one place.</summary>
internal static class TenantNames
{
    public const int MaxLength = 63;

    /// <summary>Path segments the host itself answers on; a tenant prefix there would hide them.</summary>
    private static readonly HashSet<string> s_reservedPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "api", "admin", "health", "login", "logout", "static", "media",
    };

    public static string Normalize(string name) => name.Trim().ToLowerInvariant();

    /// <summary>Letters, digits and '-', not starting or ending with '-'; null when valid.</summary>
    public static string? CheckName(string? name) => CheckSegment(name, "name");

    public static string? CheckPrefix(string? prefix)
    {
        var problem = CheckSegment(prefix, "prefix");
        if (problem is null && s_reservedPrefixes.Contains(prefix!))
        {
            return $"The prefix '{prefix}' is used by the host itself; choose another.";
        }

        return problem;
    }

    public static string? CheckHost(string? host)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            return "A host name cannot be empty.";
        }

        if (host.Contains(':', StringComparison.Ordinal) || host.Contains('/', StringComparison.Ordinal))
        {
            return $"The host '{host}' must be a bare host name such as practice.example.com, without scheme, port or path.";
        }

        var kind = Uri.CheckHostName(host);
        return kind is UriHostNameType.Dns or UriHostNameType.IPv4 && host.Length <= 253
            ? null
            : $"The host '{host}' is not a valid host name.";
    }

    public static string NormalizeHost(string host) => host.Trim().TrimEnd('.').ToLowerInvariant();

    public static string NormalizePrefix(string prefix) => prefix.Trim().Trim('/').ToLowerInvariant();

    private static string? CheckSegment(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"The {what} is required.";
        }

        if (value.Length > MaxLength)
        {
            return $"The {what} '{value}' is longer than {MaxLength} characters.";
        }

        if (!value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') || value[0] == '-' || value[^1] == '-')
        {
            return $"The {what} '{value}' may contain only letters, digits and '-', and cannot start or end with '-'.";
        }

        return null;
    }
}
