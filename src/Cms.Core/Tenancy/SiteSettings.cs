namespace Cms.Tenancy;

/// <summary>The tenant's site-wide settings document (Orchard's "Site" settings), stored in its database.</summary>
public sealed record SiteSettings
{
    public const string DocumentKey = "site";

    public string SiteName { get; init; } = "";

    public string TimeZone { get; init; } = "UTC";
}
