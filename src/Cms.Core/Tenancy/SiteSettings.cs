using System.Text.Json.Serialization;

namespace Cms.Tenancy;

/// <summary>The tenant's site-wide settings document (Orchard's "Site" settings), stored in its database.</summary>
public sealed record SiteSettings
{
    public const string DocumentKey = "site";

    public string SiteName { get; init; } = "";

    /// <summary>The IANA name of the practice's time zone: the one zone the admin and the public site show times in.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary><see cref="TimeZone"/> as a zone; UTC when this machine knows no zone of that name.</summary>
    [JsonIgnore]
    public TimeZoneInfo Zone => TimeZones.Find(TimeZone) ?? TimeZoneInfo.Utc;
}
