namespace Cms.Security;

/// <summary>Section <c>Cms:Host</c>: how automation reaches the tenant API on the Default tenant.</summary>
public sealed record HostAdminOptions
{
    public const string Section = "Cms:Host";

    /// <summary>Sent as the <c>X-Api-Key</c> header; unset means only a host administrator's sign-in works.</summary>
    public string? ApiKey { get; init; }
}
