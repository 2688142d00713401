namespace Cms.Tenancy;

/// <summary>The tenant a request belongs to, and the URL prefix that selected it, if any.</summary>
internal sealed record TenantMatch(TenantSettings Tenant, string? Prefix);
