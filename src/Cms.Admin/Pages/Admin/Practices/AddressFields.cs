namespace Cms.Admin.Pages.Admin.Practices;

/// <summary>Reads the host-names and prefix fields of the practice forms as a person types them.</summary>
internal static class AddressFields
{
    /// <summary>Host names separated by commas, spaces or lines.</summary>
    public static string[] Hosts(string? field) =>
        (field ?? "").Split([',', '\n', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The prefix without slashes; null when the field is empty.</summary>
    public static string? Prefix(string? field) =>
        string.IsNullOrWhiteSpace(field) ? null : field.Trim().Trim('/');
}
