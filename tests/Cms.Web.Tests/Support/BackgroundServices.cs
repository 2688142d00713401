using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cms.Web.Tests.Support;

/// <summary>
/// Takes a host's timed background service out, so the test decides when its work runs (a scheduler's tick, a flush of
/// counted views) instead of racing it. The services are internal to their modules, so they are named.
/// </summary>
internal static class BackgroundServices
{
    public const string Scheduler = "ScheduledPublishingService";
    public const string ViewCountFlusher = "ViewCountFlusher";

    public static void Remove(IServiceCollection services, string name)
    {
        var found = services.Where(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType?.Name == name).ToList();
        Assert.True(found.Count == 1, $"The host has no background service {name}; was it renamed?");
        services.Remove(found[0]);
    }
}
