using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cms.Tenancy;

/// <summary>
/// Keeps the running host in step with the registry (changes made by the CLI or another node) and
/// releases idle tenants. A version check costs one indexed single-row read per interval.
/// </summary>
internal sealed class TenantRegistryMonitor : BackgroundService
{
    private readonly TenantRegistry _registry;
    private readonly TenantRuntimeCache _runtimes;
    private readonly IOptions<TenancyOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TenantRegistryMonitor> _logger;

    public TenantRegistryMonitor(TenantRegistry registry, TenantRuntimeCache runtimes, IOptions<TenancyOptions> options, TimeProvider time, ILogger<TenantRegistryMonitor> logger)
    {
        _registry = registry;
        _runtimes = runtimes;
        _options = options;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.Value.RegistryPollInterval, _time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await _registry.RefreshAsync(stoppingToken);
                _runtimes.ReleaseBehind();
                _runtimes.ReleaseIdle();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogWarning(e, "Checking the tenant registry failed; retrying");
            }
        }
    }
}
