using System.Globalization;
using Cms.Tenancy;

namespace Cms.Admin.Editors;

/// <summary>
/// Date and time fields between the form and the item. A DateField is a calendar day; a DateTimeField is a moment,
/// typed and shown in the site's time zone and stored in UTC, as Orchard stores it.
/// </summary>
public static class FieldTime
{
    private const string Stored = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>The practice's time zone, the site settings' (the public site shows times in the same).</summary>
    public static TimeZoneInfo Zone(TenantRuntime tenant) => tenant.Site.Zone;

    /// <summary>The stored value of what was typed: a day (no zone) or a local date and time in <paramref name="zone"/>; null when it is neither.</summary>
    public static string? FromInput(string value, TimeZoneInfo? zone)
    {
        if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var typed))
        {
            return null;
        }

        var utc = zone is null
            ? DateTime.SpecifyKind(typed.Date, DateTimeKind.Utc)
            : TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(typed, DateTimeKind.Unspecified), zone);
        return utc.ToString(Stored, CultureInfo.InvariantCulture);
    }

    /// <summary>What the form's date (<c>yyyy-MM-dd</c>) or local date-and-time (<c>yyyy-MM-ddTHH:mm</c>) box shows for a stored value.</summary>
    public static string ToInput(string stored, TimeZoneInfo? zone)
    {
        if (!DateTime.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var utc))
        {
            return "";
        }

        return zone is null
            ? utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : TimeZoneInfo.ConvertTimeFromUtc(utc, zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>A stored moment as the admin shows it: in the site's time zone, to the minute.</summary>
    public static string Show(DateTimeOffset? utc, TimeZoneInfo zone) =>
        utc is { } moment ? TimeZoneInfo.ConvertTime(moment, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";

    /// <summary>The status of a draft scheduled to be published, as the editor, the content list and the dashboard say it.</summary>
    public static string Scheduled(DateTimeOffset due, TimeZoneInfo zone) =>
        string.Create(CultureInfo.InvariantCulture, $"Scheduled for {TimeZoneInfo.ConvertTime(due, zone):MMM d, yyyy HH:mm} ({zone.Id})");

    /// <inheritdoc cref="Show(DateTimeOffset?, TimeZoneInfo)"/>
    public static string Show(DateTime? utc, TimeZoneInfo zone) =>
        Show(utc is { } moment ? new DateTimeOffset(DateTime.SpecifyKind(moment, DateTimeKind.Utc)) : null, zone);
}
