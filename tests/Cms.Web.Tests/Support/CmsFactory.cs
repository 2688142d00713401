using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Cms.Tenancy;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Web.Tests.Support;

/// <summary>
/// The real host over a data folder of its own, set up on first start like a fresh install: on SQLite, or on a
/// PostgreSQL database of its own in the suite's PostgreSQL run (<see cref="PostgresRun"/>) unless the test chooses.
/// </summary>
public sealed partial class CmsFactory : WebApplicationFactory<Program>
{
    public const string AdminUser = "admin";
    public const string AdminPassword = "host-admin-password";
    public const string ApiKey = "test-api-key-0123456789";

    private readonly bool _ownsFolder;
    private readonly IReadOnlyDictionary<string, string?> _storage;

    public CmsFactory()
        : this(null, null)
    {
    }

    /// <param name="storage">The database settings the test chose, or null for the suite's provider.</param>
    private CmsFactory(string? dataPath, IReadOnlyDictionary<string, string?>? storage)
    {
        _ownsFolder = dataPath is null;
        DataPath = dataPath ?? Path.Combine(Path.GetTempPath(), "cms-web-tests", Guid.NewGuid().ToString("N"));
        _storage = storage ?? (PostgresRun.IsOn ? PostgresSettings(PostgresRun.DatabaseFor(DataPath)) : new Dictionary<string, string?>());
    }

    public string DataPath { get; }

    /// <summary>Modules the test adds to the host's own, as a module's <c>Add…Module</c> method would.</summary>
    public Action<IServiceCollection>? Modules { get; init; }

    /// <summary>The tenant changes this host's observers were told of (issue 12, item 1).</summary>
    public TenantChangeRecorder Changes { get; } = new();

    /// <summary>
    /// A host over a folder the caller keeps, to start again on the same data (on the PostgreSQL run, the same
    /// database); the caller removes both with <see cref="DeleteData"/>.
    /// </summary>
    public static CmsFactory At(string dataPath) => new(dataPath, null);

    /// <summary>Removes the data a host <see cref="At"/> the folder kept, once every host over it is disposed.</summary>
    public static void DeleteData(string dataPath)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (PostgresRun.IsOn)
        {
            PostgresRun.Drop(dataPath);
        }

        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind does not change any test's verdict.
        }
    }

    /// <summary>
    /// A host that keeps its tenants in the given PostgreSQL database (and its media in a folder of its own); with a
    /// migration connection string, as the split set-up where that role owns the tables and the host only reads and writes rows.
    /// </summary>
    public static CmsFactory OnPostgres(string connectionString, string? migrationConnectionString = null) =>
        new(null, PostgresSettings(connectionString, migrationConnectionString));

    /// <summary>A host on SQLite in either run of the suite, for a test about SQLite itself.</summary>
    public static CmsFactory OnSqlite() => new(null, new Dictionary<string, string?>());

    /// <summary>Whether this host keeps its data in PostgreSQL (chosen by the test or by the suite's run).</summary>
    public bool IsOnPostgres => _storage.TryGetValue("Cms:Database:Provider", out var provider) && provider == "Postgres";

    /// <summary>The settings the host runs with; the CLI is given the same ones in tests.</summary>
    public Dictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Cms:DataPath"] = DataPath,
        ["Cms:Setup:AdminUserName"] = AdminUser,
        ["Cms:Setup:AdminPassword"] = AdminPassword,
        ["Cms:Host:ApiKey"] = ApiKey,
        ["Cms:Tenants:RegistryPollInterval"] = "00:00:00.100",
        // Every test client here comes from the same (missing) address; the throttle's own tests use the real limit.
        ["Cms:SignIn:AttemptsPerAddressPerMinute"] = "1000",
    }.Concat(_storage).ToDictionary();

    public HttpClient Client(string host = "localhost") => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri($"http://{host}"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    /// <summary>Signs in through the login form, antiforgery token and all; returns the response to the POST.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string pathBase, string userName, string password)
    {
        var form = await client.GetStringAsync($"{pathBase}/login");
        var token = TokenPattern().Match(form).Groups[1].Value;
        return await client.PostAsync($"{pathBase}/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["userName"] = userName,
            ["password"] = password,
        }));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Logging:LogLevel:Default", "Warning");

        // A host on Kestrel (UseKestrel) listens where the test says; this tells the start's port check the same, so it
        // does not try Kestrel's default, port 5000, which another program may hold.
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ITenantChangeObserver>(Changes);

            // Tests publish what is due themselves; the timed scheduler could publish it between their steps.
            BackgroundServices.Remove(services, BackgroundServices.Scheduler);
            Modules?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsFolder)
        {
            DeleteData(DataPath);
        }
    }

    private static Dictionary<string, string?> PostgresSettings(string connectionString, string? migrationConnectionString = null) => new()
    {
        ["Cms:Database:Provider"] = "Postgres",
        ["Cms:Database:ConnectionString"] = connectionString,
        ["Cms:Database:MigrationConnectionString"] = migrationConnectionString,
    };

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
