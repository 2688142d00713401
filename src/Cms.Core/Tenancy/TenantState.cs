namespace Cms.Tenancy;

public enum TenantState
{
    Uninitialized,
    Initializing,
    Running,
    Disabled,
}
