using Microsoft.Extensions.Logging;

namespace Cms.Tenancy;

/// <summary>
/// Creates, readdresses, disables, enables and removes tenants for the CLI, the HTTP API and the host admin. Every
/// operation checks everything first and leaves no half-made tenant behind when it fails.
/// </summary>
internal sealed class TenantManager
{
    private readonly TenantStore _store;
    private readonly TenantSetup _setup;
    private readonly TenantDataRemoval _removal;
    private readonly TenantChanges _changes;
    private readonly TimeProvider _time;
    private readonly ILogger<TenantManager> _logger;

    public TenantManager(TenantStore store, TenantSetup setup, TenantDataRemoval removal, TenantChanges changes, TimeProvider time, ILogger<TenantManager> logger)
    {
        _store = store;
        _setup = setup;
        _removal = removal;
        _changes = changes;
        _time = time;
        _logger = logger;
    }

    public Task<IReadOnlyList<TenantSettings>> ListAsync(CancellationToken cancellationToken) => _store.ListAsync(cancellationToken);

    public Task<TenantSettings?> FindAsync(string name, CancellationToken cancellationToken) => _store.FindAsync(name, cancellationToken);

    public async Task<TenantResult> CreateAsync(CreateTenantRequest request, CancellationToken cancellationToken)
    {
        var errors = Check(request);
        if (errors.Count > 0)
        {
            return TenantResult.Fail(TenantFailure.Invalid, errors);
        }

        var tenant = new TenantSettings(
            request.Name.Trim(),
            TenantState.Initializing,
            NormalizeHosts(request.Hosts),
            request.Prefix is null ? null : TenantNames.NormalizePrefix(request.Prefix),
            request.ConnectionString,
            request.RecipeName,
            _time.GetUtcNow());
        var conflicts = await _store.FindConflictsAsync(tenant, cancellationToken);
        if (conflicts.Count > 0)
        {
            return TenantResult.Fail(TenantFailure.Conflict, conflicts);
        }

        if (!await _store.AddAsync(tenant, cancellationToken))
        {
            return TenantResult.Fail(TenantFailure.Conflict, $"Another tenant took the name, a host or the prefix of '{tenant.Name}' at the same moment; try again.");
        }

        try
        {
            // The name is ours now. Whatever a removal that stopped half-way (or an older version's removal, which
            // left media and rows behind) left under it goes before the new tenant is made.
            await _removal.RemoveAsync(tenant, cancellationToken);
            await _setup.SetUpAsync(tenant, request, cancellationToken);
            var running = tenant with { State = TenantState.Running };
            await _store.UpdateAsync(tenant, running, cancellationToken);
            tenant = running;
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Setting up tenant {Tenant} failed; removing what was made", tenant.Name);
            await UndoCreateAsync(tenant);
            return TenantResult.Fail(TenantFailure.SetupFailed, $"Setting up '{tenant.Name}' failed and nothing was kept: {e.Message}");
        }

        await _changes.RegistryChangedAsync(tenant.Name, cancellationToken);
        _logger.LogInformation("Tenant {Tenant} created", tenant.Name);
        return TenantResult.Success(tenant);
    }

    /// <summary>
    /// Changes the host names and URL prefix a tenant answers on, checked as on creation. The registry is
    /// refreshed before this returns, so the new address serves at once and the old one no longer does.
    /// </summary>
    public async Task<TenantResult> ChangeAddressAsync(string name, TenantAddress address, CancellationToken cancellationToken)
    {
        var tenant = await _store.FindAsync(name, cancellationToken);
        if (tenant is null)
        {
            return NotFound(name);
        }

        if (tenant.IsDefault)
        {
            return TenantResult.Fail(TenantFailure.Invalid, "The Default tenant is the host itself: it has no prefix, and its host names are not changed here.");
        }

        // Setting up ends by storing the tenant as it was created, which would undo a change made meanwhile.
        if (tenant.State is TenantState.Initializing)
        {
            return TenantResult.Fail(TenantFailure.Invalid, $"Tenant '{tenant.Name}' is being set up; change its address once it is running.");
        }

        var errors = CheckAddress(address.Hosts, address.Prefix, isDefault: false);
        if (errors.Count > 0)
        {
            return TenantResult.Fail(TenantFailure.Invalid, errors);
        }

        var changed = tenant with { Hosts = NormalizeHosts(address.Hosts), Prefix = address.Prefix is null ? null : TenantNames.NormalizePrefix(address.Prefix) };
        var conflicts = await _store.FindAddressConflictsAsync(changed, cancellationToken);
        if (conflicts.Count > 0)
        {
            return TenantResult.Fail(TenantFailure.Conflict, conflicts);
        }

        if (!await _store.UpdateAsync(tenant, changed, cancellationToken))
        {
            return TenantResult.Fail(TenantFailure.Conflict, $"'{tenant.Name}' was not changed: another tenant took one of these addresses, or '{tenant.Name}' was removed, at the same moment; try again.");
        }

        await _changes.RegistryChangedAsync(tenant.Name, cancellationToken);
        _logger.LogInformation("Tenant {Tenant} now answers on prefix {Prefix} and hosts {Hosts}", tenant.Name, changed.Prefix, changed.Hosts);
        return TenantResult.Success(changed);
    }

    public Task<TenantResult> DisableAsync(string name, CancellationToken cancellationToken) =>
        ChangeStateAsync(name, TenantState.Disabled, TenantState.Running, cancellationToken);

    public Task<TenantResult> EnableAsync(string name, CancellationToken cancellationToken) =>
        ChangeStateAsync(name, TenantState.Running, TenantState.Disabled, cancellationToken);

    /// <summary>
    /// Switches the tenant off, runs every store's removal handler, and removes its registry row only once all have
    /// succeeded. When one fails the tenant stays, disabled, with the error naming the store, so it can be removed again.
    /// </summary>
    public async Task<TenantResult> RemoveAsync(string name, CancellationToken cancellationToken)
    {
        var tenant = await _store.FindAsync(name, cancellationToken);
        if (tenant is null)
        {
            return NotFound(name);
        }

        if (tenant.IsDefault)
        {
            return TenantResult.Fail(TenantFailure.Invalid, "The Default tenant is the host itself and cannot be removed.");
        }

        // Off first, here at once and on other nodes within the poll interval: nothing new is written while its data
        // goes, and a removal that stops half-way leaves a tenant that answers 503, not a half-empty site.
        if (tenant.State != TenantState.Disabled)
        {
            var disabled = tenant with { State = TenantState.Disabled };
            if (!await _store.UpdateAsync(tenant, disabled, cancellationToken))
            {
                return NotFound(name);
            }

            tenant = disabled;
            await _changes.RegistryChangedAsync(tenant.Name, cancellationToken);
        }

        try
        {
            await _removal.RemoveAsync(tenant, cancellationToken);
        }
        catch (TenantRemovalException e)
        {
            _logger.LogError(e, "Removing tenant {Tenant} stopped; it is left disabled", tenant.Name);
            return TenantResult.Fail(TenantFailure.RemovalFailed, $"Removing '{tenant.Name}' stopped. {e.Message} The practice is left disabled with what was not yet deleted; remove it again once that is fixed.");
        }

        // The registry row last: a row whose data is gone can be removed again, data without a row would not be found.
        await _store.RemoveAsync(tenant.Name, cancellationToken);
        await _changes.RegistryChangedAsync(tenant.Name, cancellationToken);
        _logger.LogInformation("Tenant {Tenant} removed", tenant.Name);
        return TenantResult.Success(tenant);
    }

    private async Task<TenantResult> ChangeStateAsync(string name, TenantState target, TenantState required, CancellationToken cancellationToken)
    {
        var tenant = await _store.FindAsync(name, cancellationToken);
        if (tenant is null)
        {
            return NotFound(name);
        }

        if (tenant.IsDefault)
        {
            return TenantResult.Fail(TenantFailure.Invalid, "The Default tenant is the host itself; it cannot be disabled or enabled.");
        }

        if (tenant.State == target)
        {
            return TenantResult.Success(tenant);
        }

        if (tenant.State != required)
        {
            return TenantResult.Fail(TenantFailure.Invalid, $"Tenant '{tenant.Name}' is {tenant.State}; only a {required} tenant can become {target}.");
        }

        var changed = tenant with { State = target };
        if (!await _store.UpdateAsync(tenant, changed, cancellationToken))
        {
            return NotFound(name);
        }

        await _changes.RegistryChangedAsync(tenant.Name, cancellationToken);
        _logger.LogInformation("Tenant {Tenant} is now {State}", tenant.Name, target);
        return TenantResult.Success(changed);
    }

    private List<string> Check(CreateTenantRequest request)
    {
        var errors = new List<string>();
        if (TenantNames.CheckName(request.Name) is { } nameProblem)
        {
            errors.Add(nameProblem);
        }

        var isDefault = string.Equals(request.Name?.Trim(), TenantSettings.DefaultName, StringComparison.OrdinalIgnoreCase);
        errors.AddRange(CheckAddress(request.Hosts, request.Prefix, isDefault));
        errors.AddRange(_setup.Check(request));
        return errors;
    }

    /// <summary>The same rules for a new tenant's address and a changed one.</summary>
    private static List<string> CheckAddress(IReadOnlyList<string> hosts, string? prefix, bool isDefault)
    {
        var errors = hosts.Select(TenantNames.CheckHost).OfType<string>().ToList();
        if (prefix is not null && TenantNames.CheckPrefix(TenantNames.NormalizePrefix(prefix)) is { } prefixProblem)
        {
            errors.Add(prefixProblem);
        }

        if (!isDefault && hosts.Count == 0 && prefix is null)
        {
            errors.Add("Give the tenant at least one host name or a URL prefix, so requests can reach it.");
        }

        return errors;
    }

    private static string[] NormalizeHosts(IEnumerable<string> hosts) =>
        hosts.Select(TenantNames.NormalizeHost).Distinct().Order(StringComparer.Ordinal).ToArray();

    private async Task UndoCreateAsync(TenantSettings tenant)
    {
        try
        {
            await _removal.RemoveAsync(tenant, CancellationToken.None);
        }
        catch (TenantRemovalException e)
        {
            // The database that refused the setup may refuse the clean-up too; nothing was written there then, and
            // anything else left is removed before a tenant of this name is created again.
            _logger.LogWarning(e, "Cleaning up the data of tenant {Tenant} failed", tenant.Name);
        }

        await _store.RemoveAsync(tenant.Name, CancellationToken.None);
    }

    private static TenantResult NotFound(string name) => TenantResult.Fail(TenantFailure.NotFound, $"There is no tenant named '{name}'.");
}
