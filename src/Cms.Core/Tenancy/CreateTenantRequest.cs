namespace Cms.Tenancy;

/// <summary>What a hosting operator gives to create a practice, from the CLI, the API or the admin.</summary>
public sealed record CreateTenantRequest
{
    public string Name { get; init; } = "";

    /// <summary>What people call the practice ("Oak Counseling"): its site name. Without it the site is named after <see cref="Name"/>.</summary>
    public string? DisplayName { get; init; }

    public IReadOnlyList<string> Hosts { get; init; } = [];

    public string? Prefix { get; init; }

    public string? RecipeName { get; init; }

    public string? AdminUserName { get; init; }

    public string? AdminPassword { get; init; }

    /// <summary>A database of the tenant's own instead of the host's default store.</summary>
    public string? ConnectionString { get; init; }
}
