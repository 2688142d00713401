namespace Cms.Tenancy;

/// <summary>What the registry knows of a tenant. Kept small: every registered tenant has one in memory.</summary>
public sealed record TenantSettings(
    string Name,
    TenantState State,
    IReadOnlyList<string> Hosts,
    string? Prefix,
    string? ConnectionString,
    string? RecipeName,
    DateTimeOffset CreatedUtc,
    long Revision = 0)
{
    public const string DefaultName = "Default";

    /// <summary>What people are shown for the host's own tenant, wherever it is named to them.</summary>
    public const string HostDisplayName = "Host administration";

    /// <summary>
    /// The tenant's change revision when this was read: moved by every committed change. Not part of equality: a change
    /// of content or settings keeps the registry's settings object, and with it the tenant's runtime.
    /// </summary>
    public long ChangeRevision { get; init; }

    public bool IsDefault => string.Equals(Name, DefaultName, StringComparison.OrdinalIgnoreCase);

    public bool Equals(TenantSettings? other) =>
        other is not null
        && Name == other.Name
        && State == other.State
        && Prefix == other.Prefix
        && ConnectionString == other.ConnectionString
        && RecipeName == other.RecipeName
        && CreatedUtc == other.CreatedUtc
        && Revision == other.Revision
        && Hosts.SequenceEqual(other.Hosts);

    public override int GetHashCode() => HashCode.Combine(Name, State, Prefix, Hosts.Count);
}
