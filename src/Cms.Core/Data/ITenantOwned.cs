namespace Cms.Data;

/// <summary>A row that belongs to one tenant; every tenant table carries the tenant's key.</summary>
internal interface ITenantOwned
{
    string TenantId { get; set; }
}
