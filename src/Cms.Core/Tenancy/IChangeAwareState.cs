namespace Cms.Tenancy;

/// <summary>
/// A module's per-tenant state (<see cref="TenantRuntime.State{T}"/>) that keeps itself up to date across committed
/// changes instead of being dropped by them: told each change to its tenant that does not rebuild the runtime, on the
/// node that made it and on every node that hears of it, before the writer's request goes on.
/// </summary>
public interface IChangeAwareState
{
    Task ChangedAsync(TenantChange change, CancellationToken cancellationToken);
}
