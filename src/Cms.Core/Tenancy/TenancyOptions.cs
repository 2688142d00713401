namespace Cms.Tenancy;

/// <summary>How many tenant runtimes stay in memory and for how long; section <c>Cms:Tenants</c>.</summary>
public sealed record TenancyOptions
{
    public const string Section = "Cms:Tenants";

    /// <summary>A tenant with no request for this long is released; its next request rebuilds it.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>At most this many tenants are active; the least recently used is released first.</summary>
    public int MaxActive { get; init; } = 1000;

    /// <summary>How often the registry is checked for changes made by another process (CLI, another node).</summary>
    public TimeSpan RegistryPollInterval { get; init; } = TimeSpan.FromSeconds(1);
}
