namespace Cms.Tenancy;

/// <summary>Where a tenant answers: its own host names and its URL prefix on the host; either may be empty, not both.</summary>
public sealed record TenantAddress
{
    public IReadOnlyList<string> Hosts { get; init; } = [];

    public string? Prefix { get; init; }
}
