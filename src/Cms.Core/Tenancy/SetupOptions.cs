namespace Cms.Tenancy;

/// <summary>Section <c>Cms:Setup</c>: what the first run on an empty data folder creates.</summary>
public sealed record SetupOptions
{
    public const string Section = "Cms:Setup";

    public string AdminUserName { get; init; } = "admin";

    /// <summary>When unset, the first run generates a strong password and prints it once.</summary>
    public string? AdminPassword { get; init; }

    /// <summary>The demo practice created on the first run; empty for none.</summary>
    public string? DemoTenant { get; init; } = "riverbend";

    public string DemoRecipe { get; init; } = "practice";

    /// <summary>Sample content imported into the demo practice after its setup recipe; empty for none.</summary>
    public string? DemoContent { get; init; } = "practice-sample";
}
