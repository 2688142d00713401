namespace Cms.Tenancy;

/// <summary>
/// The time zones a practice may choose: the IANA zones this machine knows (their canonical names, as the system's
/// time zone database lists them), and UTC. The Settings page offers these and refuses anything else.
/// </summary>
public static class TimeZones
{
    private static readonly Lazy<IReadOnlyList<TimeZoneInfo>> s_choices = new(() =>
        [
            TimeZoneInfo.Utc,
            .. TimeZoneInfo.GetSystemTimeZones()
                .Where(z => z.Id.Contains('/', StringComparison.Ordinal) && !z.Id.StartsWith("Etc/", StringComparison.Ordinal))
                .OrderBy(z => z.Id, StringComparer.Ordinal),
        ]);

    /// <summary>Every zone that may be chosen, UTC first, then by name ("Africa/Abidjan" … "Pacific/Wallis").</summary>
    public static IReadOnlyList<TimeZoneInfo> Choices => s_choices.Value;

    /// <summary>"America/New_York (UTC−05:00)": the name and the zone's standard offset, for a list to choose from.</summary>
    public static string Label(TimeZoneInfo zone) =>
        $"{zone.Id} (UTC{(zone.BaseUtcOffset < TimeSpan.Zero ? "−" : "+")}{zone.BaseUtcOffset:hh\\:mm})";

    /// <summary>The zone of that IANA name, or null when it is not one this machine knows.</summary>
    public static TimeZoneInfo? Find(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    /// <summary>Whether the name is one of <see cref="Choices"/>: an IANA name, not a Windows one or an offset.</summary>
    public static bool IsChoice(string? id) => id is not null && Choices.Any(z => z.Id == id);
}
