namespace Cms.Tenancy;

/// <summary>
/// Deletes what one store or module keeps for a tenant. Each module registers one for the data it owns, and
/// <see cref="TenantManager"/> runs them all when a tenant is removed (the registry row goes last, once every
/// handler has succeeded) and before a tenant is created, so a new tenant never finds anything a removal that
/// stopped half-way left under its name. A handler must therefore succeed, quickly, when there is nothing to
/// remove, and may be run again after it or another handler failed.
/// </summary>
public interface ITenantRemovalHandler
{
    /// <summary>What this handler deletes, named in the error when it fails (e.g. "its media folder").</summary>
    string Removes { get; }

    Task RemoveAsync(TenantSettings tenant, CancellationToken cancellationToken);
}
