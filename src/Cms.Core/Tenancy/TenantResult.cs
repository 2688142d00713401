namespace Cms.Tenancy;

public enum TenantFailure
{
    None,
    Invalid,
    Conflict,
    NotFound,
    SetupFailed,

    /// <summary>A store could not delete the tenant's data; the tenant is left disabled, to be removed again.</summary>
    RemovalFailed,
}

/// <summary>The outcome of a tenant operation: the tenant, or every reason it was refused.</summary>
public sealed record TenantResult(TenantSettings? Tenant, TenantFailure Failure, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Failure == TenantFailure.None;

    public static TenantResult Success(TenantSettings tenant) => new(tenant, TenantFailure.None, []);

    public static TenantResult Fail(TenantFailure failure, params IReadOnlyList<string> errors) => new(null, failure, errors);
}
