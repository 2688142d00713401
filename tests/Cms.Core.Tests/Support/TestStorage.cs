using Cms.Data;
using Cms.Markdown;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Cms.Core.Tests.Support;

/// <summary>
/// A fresh, empty store for one test: a temp folder for SQLite, or a database of its own on the
/// PostgreSQL server named by CMS_TEST_POSTGRES (the test is skipped when that is unset).
/// </summary>
public sealed class TestStorage : IAsyncDisposable
{
    public const string PostgresVariable = PostgresTestDatabase.ServerVariable;

    private readonly PostgresTestDatabase? _postgres;

    private TestStorage(DatabaseProvider provider, string dataPath, PostgresTestDatabase? postgres)
    {
        Provider = provider;
        DataPath = dataPath;
        _postgres = postgres;
    }

    public DatabaseProvider Provider { get; }

    public string DataPath { get; }

    public string? ConnectionString => _postgres?.ConnectionString;

    /// <summary>The test's own PostgreSQL database; null on SQLite.</summary>
    public PostgresTestDatabase? Postgres => _postgres;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public static async Task<TestStorage> CreateAsync(DatabaseProvider provider)
    {
        var postgres = provider == DatabaseProvider.Postgres ? await PostgresTestDatabase.CreateAsync() : null;
        var dataPath = Path.Combine(Path.GetTempPath(), "cms-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);
        return new TestStorage(provider, dataPath, postgres);
    }

    /// <summary>The core services over this store, configured as the host would be, plus what <paramref name="configure"/> adds (as a module would).</summary>
    public ServiceProvider BuildServices(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Cms:DataPath"] = DataPath,
            ["Cms:Database:Provider"] = Provider.ToString(),
            ["Cms:Database:ConnectionString"] = ConnectionString,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new TestEnvironment(DataPath));
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddCmsCore(configuration);
        services.AddMarkdownModule(configuration);
        services.AddSingleton<TimeProvider>(Time);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>The services with the host database migrated, ready to create tenants.</summary>
    public async Task<ServiceProvider> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var services = BuildServices(settings, configure);
        await services.GetRequiredService<CmsDatabase>().MigrateHostAsync(default);
        return services;
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; the test's verdict does not depend on it.
        }
    }

    private sealed class TestEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "Cms.Tests";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
