using System.Globalization;
using Cms.Data;
using Cms.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Cms.Bench;

/// <summary>
/// The host's core services on a data folder of the bench's own, composed the way the CLI composes them:
/// no web server, so in-process figures show the tenant code without HTTP.
/// </summary>
internal sealed class BenchServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private BenchServices(ServiceProvider provider)
    {
        _provider = provider;
    }

    public CmsDatabase Database => Get<CmsDatabase>();

    public static async Task<BenchServices> CreateAsync(string dataPath, string adminPassword, int maxActive)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Cms:DataPath"] = dataPath,
                ["Cms:Setup:AdminPassword"] = adminPassword,
                ["Cms:Setup:DemoTenant"] = "",
                ["Cms:Tenants:MaxActive"] = maxActive.ToString(CultureInfo.InvariantCulture),
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new BenchEnvironment { ContentRootPath = dataPath });

        // No logging provider: the host's log calls still run, but nothing is written to compete with the figures.
        services.AddLogging();
        services.AddCmsCore(configuration);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<CmsDatabase>().MigrateHostAsync(CancellationToken.None);
        return new BenchServices(provider);
    }

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    private sealed class BenchEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "Cms.Bench";

        public required string ContentRootPath { get; set; }

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
