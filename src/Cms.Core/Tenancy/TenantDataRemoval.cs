namespace Cms.Tenancy;

/// <summary>Runs every registered <see cref="ITenantRemovalHandler"/> in registration order; the first that fails stops the rest.</summary>
internal sealed class TenantDataRemoval
{
    private readonly IEnumerable<ITenantRemovalHandler> _handlers;

    public TenantDataRemoval(IEnumerable<ITenantRemovalHandler> handlers)
    {
        _handlers = handlers;
    }

    /// <exception cref="TenantRemovalException">A handler failed; the ones before it have done their part.</exception>
    public async Task RemoveAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        foreach (var handler in _handlers)
        {
            try
            {
                await handler.RemoveAsync(tenant, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new TenantRemovalException(handler.Removes, e);
            }
        }
    }
}
