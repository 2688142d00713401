using Cms.Data;
using Cms.Markdown;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Cms.Core.Tests.Support;

/// <summary>
/// A fresh, empty store for one test: a temp folder for SQLite, or a database of its own on the
/// PostgreSQL server named by CMS_TEST_POSTGRES (the test is skipped when that is unset).
/// </summary>
public sealed class TestStorage : IAsyncDisposable
{
    public const string PostgresVariable = "CMS_TEST_POSTGRES";

    private readonly string? _postgresDatabase;

    private TestStorage(DatabaseProvider provider, string dataPath, string? connectionString, string? postgresDatabase)
    {
        Provider = provider;
        DataPath = dataPath;
        ConnectionString = connectionString;
        _postgresDatabase = postgresDatabase;
    }

    public DatabaseProvider Provider { get; }

    public string DataPath { get; }

    public string? ConnectionString { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public static async Task<TestStorage> CreateAsync(DatabaseProvider provider)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "cms-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);
        if (provider == DatabaseProvider.Sqlite)
        {
            return new TestStorage(provider, dataPath, null, null);
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        Skip.If(string.IsNullOrWhiteSpace(server), $"Set {PostgresVariable} to a PostgreSQL connection string to run the PostgreSQL tests.");
        var database = "cms_t_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        return new TestStorage(provider, dataPath, connectionString, database);
    }

    /// <summary>The core services over this store, configured as the host would be.</summary>
    public ServiceProvider BuildServices(IDictionary<string, string?>? settings = null)
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
        return services.BuildServiceProvider();
    }

    /// <summary>The services with the host database migrated, ready to create tenants.</summary>
    public async Task<ServiceProvider> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var services = BuildServices(settings);
        await services.GetRequiredService<CmsDatabase>().MigrateHostAsync(default);
        return services;
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
            await admin.OpenAsync();
            // Not WITH (FORCE): that refuses a role which is not a superuser as soon as an autovacuum worker is on the
            // database (seen in CI, 42501), while a plain drop stops autovacuum itself. Our own pools are cleared
            // above; a connection still closing is waited for.
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase}", admin);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await drop.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
                {
                    await Task.Delay(100);
                }
            }
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
