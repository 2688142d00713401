using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cms.Web.Tests.Support;

/// <summary>The real host over a data folder of its own (SQLite), set up on first start like a fresh install.</summary>
public sealed partial class CmsFactory : WebApplicationFactory<Program>
{
    public const string AdminUser = "admin";
    public const string AdminPassword = "host-admin-password";
    public const string ApiKey = "test-api-key-0123456789";

    private readonly bool _ownsFolder;
    private readonly IReadOnlyDictionary<string, string?> _storage;

    public CmsFactory()
        : this(null, new Dictionary<string, string?>())
    {
    }

    private CmsFactory(string? dataPath, IReadOnlyDictionary<string, string?> storage)
    {
        _ownsFolder = dataPath is null;
        _storage = storage;
        DataPath = dataPath ?? Path.Combine(Path.GetTempPath(), "cms-web-tests", Guid.NewGuid().ToString("N"));
    }

    public string DataPath { get; }

    /// <summary>A host over a folder the caller keeps, to start again on the same data.</summary>
    public static CmsFactory At(string dataPath) => new(dataPath, new Dictionary<string, string?>());

    /// <summary>
    /// A host that keeps its tenants in the given PostgreSQL database (and its media in a folder of its own); with a
    /// migration connection string, as the split set-up where that role owns the tables and the host only reads and writes rows.
    /// </summary>
    public static CmsFactory OnPostgres(string connectionString, string? migrationConnectionString = null) => new(null, new Dictionary<string, string?>
    {
        ["Cms:Database:Provider"] = "Postgres",
        ["Cms:Database:ConnectionString"] = connectionString,
        ["Cms:Database:MigrationConnectionString"] = migrationConnectionString,
    });

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
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsFolder)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataPath, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind does not change any test's verdict.
            }
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
