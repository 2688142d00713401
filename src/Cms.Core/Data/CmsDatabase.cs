using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Cms.Tenancy;

namespace Cms.Data;

/// <summary>
/// Where the host's and each tenant's data live, and the one place that knows the difference between
/// SQLite (a file per tenant) and PostgreSQL (one shared database, rows keyed by tenant).
/// </summary>
internal sealed class CmsDatabase
{
    private const string SqliteFileName = "cms.db";

    private readonly ILoggerFactory _loggerFactory;
    private readonly TenantSessionInterceptor _sessionInterceptor = new();
    private readonly TenantChangeInterceptor _changeInterceptor;
    private readonly bool _bypassAllowed;

    public CmsDatabase(IOptions<CmsOptions> options, IHostEnvironment environment, ILoggerFactory loggerFactory, TenantChangeInterceptor changeInterceptor)
    {
        _loggerFactory = loggerFactory;
        _changeInterceptor = changeInterceptor;
        CmsOptions settings;
        try
        {
            settings = options.Value;
        }
        catch (InvalidOperationException e)
        {
            // The binder's message names the setting and the value it could not read (a provider it does not know).
            throw new SettingsProblemException(e.Message, e);
        }

        Provider = settings.Database.Provider;
        DataPath = Path.GetFullPath(settings.DataPath, environment.ContentRootPath);
        if (Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(settings.Database.ConnectionString))
            {
                throw new SettingsProblemException($"Cms:Database:Provider is Postgres but {PostgresStartup.RuntimeSetting} is empty. Set it to the shared PostgreSQL database (Host=...;Database=...;Username=...;Password=...).");
            }

            SharedConnectionString = CheckPostgresSyntax(settings.Database.ConnectionString, PostgresStartup.RuntimeSetting);
            MigrationConnectionString = settings.Database.MigrationConnectionString is { Length: > 0 } migration
                ? CheckPostgresSyntax(migration, PostgresStartup.MigrationSetting)
                : null;
            _bypassAllowed = settings.Database.AllowRowLevelSecurityBypass;
        }

        HostOptions = Configure(new DbContextOptionsBuilder<HostDbContext>(), HostConnectionString(), HostDbContext.HistoryTable).Options;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>Absolute path of the data folder.</summary>
    public string DataPath { get; }

    public DbContextOptions<HostDbContext> HostOptions { get; }

    /// <summary>PostgreSQL: the database every node shares, as the role the host runs as; null on SQLite.</summary>
    public string? SharedConnectionString { get; }

    /// <summary>PostgreSQL: the role that owns the tables and migrates them, when it is not the role the host runs as.</summary>
    private string? MigrationConnectionString { get; }

    public HostDbContext CreateHostContext() => new(HostOptions);

    public string TenantFolder(string tenantName) => Path.Combine(DataPath, "Sites", tenantName);

    /// <summary>True when the tenant's tables live in a database of their own, migrated on activation.</summary>
    public bool HasOwnDatabase(TenantSettings tenant) => Provider == DatabaseProvider.Sqlite || tenant.ConnectionString is not null;

    /// <summary>
    /// A context on a tenant's data where no runtime of the tenant is at hand (setup, a recipe, an export, a flush of
    /// view counts); a running tenant's pages lease theirs from its runtime (<see cref="TenantRuntime.CreateDbContext"/>).
    /// </summary>
    public TenantDbContext CreateTenantContext(TenantSettings tenant) => new(TenantOptions(tenant), tenant.Name);

    public DbContextOptions<TenantDbContext> TenantOptions(TenantSettings tenant)
    {
        var connectionString = tenant.ConnectionString
            ?? (Provider == DatabaseProvider.Sqlite ? SqliteConnectionString(Path.Combine(TenantFolder(tenant.Name), SqliteFileName)) : SharedConnectionString!);
        return Configure(new DbContextOptionsBuilder<TenantDbContext>(), connectionString, TenantDbContext.HistoryTable).AddInterceptors(_changeInterceptor).Options;
    }

    /// <summary>
    /// Checks the storage settings, then applies the host migrations and, on PostgreSQL, the shared tenant schema: once
    /// at start. A setting that keeps the host from working is a <see cref="SettingsProblemException"/>, thrown
    /// before anything is written. Two nodes starting together apply each migration once (see MigrateAsync).
    /// </summary>
    public async Task MigrateHostAsync(CancellationToken cancellationToken)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            DataFolder.EnsureWritable(DataPath);
            if (!await IsUpToDateAsync(CreateHostConnection(), HostDbContext.HistoryTable, MigrationIds.Latest<HostDbContext>(), cancellationToken))
            {
                await using var host = CreateHostContext();
                await MigrateAsync(host, cancellationToken);
            }

            return;
        }

        var role = await PostgresStartup.CheckRolesAsync(SharedConnectionString!, MigrationConnectionString, _bypassAllowed, cancellationToken);
        // This node's copies of media and the recipe uploads waiting to be applied live in the data folder on PostgreSQL too.
        DataFolder.EnsureWritable(DataPath);
        var migrator = MigrationConnectionString ?? SharedConnectionString!;
        try
        {
            if (!await IsUpToDateAsync(CreateConnection(migrator), HostDbContext.HistoryTable, MigrationIds.Latest<HostDbContext>(), cancellationToken))
            {
                await using var host = new HostDbContext(Configure(new DbContextOptionsBuilder<HostDbContext>(), migrator, HostDbContext.HistoryTable).Options);
                await MigrateAsync(host, cancellationToken);
            }

            if (!await IsUpToDateAsync(CreateConnection(migrator), TenantDbContext.HistoryTable, MigrationIds.Latest<TenantDbContext>(), cancellationToken))
            {
                await using var shared = new TenantDbContext(Configure(new DbContextOptionsBuilder<TenantDbContext>(), migrator, TenantDbContext.HistoryTable).Options, "");
                await MigrateAsync(shared, cancellationToken);
            }
        }
        catch (Npgsql.NpgsqlException e)
        {
            throw PostgresStartup.MigrationFailed(migrator, MigrationConnectionString is null ? PostgresStartup.RuntimeSetting : PostgresStartup.MigrationSetting, e);
        }

        await PostgresStartup.CheckOwnershipAsync(SharedConnectionString!, MigrationConnectionString, role, _loggerFactory.CreateLogger<CmsDatabase>(), cancellationToken);
    }

    /// <summary>Brings a tenant's own database up to date; the shared PostgreSQL schema is migrated at start.</summary>
    public Task MigrateTenantAsync(TenantSettings tenant, CancellationToken cancellationToken) =>
        MigrateTenantAsync(tenant, TenantOptions(tenant), cancellationToken);

    public async Task MigrateTenantAsync(TenantSettings tenant, DbContextOptions<TenantDbContext> options, CancellationToken cancellationToken)
    {
        if (!HasOwnDatabase(tenant))
        {
            return;
        }

        if (Provider == DatabaseProvider.Sqlite && tenant.ConnectionString is null)
        {
            Directory.CreateDirectory(TenantFolder(tenant.Name));
        }

        var connectionString = RelationalOptionsExtension.Extract(options).ConnectionString!;
        if (!await IsUpToDateAsync(CreateConnection(connectionString), TenantDbContext.HistoryTable, MigrationIds.Latest<TenantDbContext>(), cancellationToken))
        {
            await using var db = new TenantDbContext(options, tenant.Name);
            await MigrateAsync(db, cancellationToken);
        }
    }

    /// <summary>An open plain connection to a tenant's data, with the tenant named for row-level security.</summary>
    public async Task<DbConnection> OpenTenantConnectionAsync(TenantSettings tenant, DbContextOptions<TenantDbContext> options, CancellationToken cancellationToken)
    {
        var connection = CreateConnection(RelationalOptionsExtension.Extract(options).ConnectionString!);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await TenantSessionInterceptor.NameTenantAsync(connection, tenant.Name, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A plain connection to the host database, for the reads start-up makes before EF Core is warm.</summary>
    public DbConnection CreateHostConnection() => CreateConnection(HostConnectionString());

    /// <summary>Closes the pooled connections of a released tenant so an idle tenant holds no file handles.</summary>
    public void ReleaseConnections(DbContextOptions<TenantDbContext> options)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            if (RelationalOptionsExtension.Extract(options).ConnectionString is { } connectionString)
            {
                using var connection = new SqliteConnection(connectionString);
                SqliteConnection.ClearPool(connection);
            }
        }
    }

    private async Task MigrateAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            await MigrateUnderAdvisoryLockAsync(db, cancellationToken);
            return;
        }

        await db.Database.MigrateAsync(cancellationToken);
        if (Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging lets the CLI write while the host reads; the mode sticks to the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>
    /// EF Core's PostgreSQL migration lock is a table lock held by each migration's transaction, so a
    /// second node waiting on it goes on with the list of pending migrations it read before (measured:
    /// two nodes both applied migration 2). A session advisory lock held across the whole run closes that gap.
    /// </summary>
    private static async Task MigrateUnderAdvisoryLockAsync(DbContext db, CancellationToken cancellationToken)
    {
        var connectionString = db.Database.GetConnectionString()!;
        await using var gate = new Npgsql.NpgsqlConnection(connectionString);
        await gate.OpenAsync(cancellationToken);
        // One key per migration set: "cms" in ASCII, then which set.
        var key = 0x636D7300L + (db is HostDbContext ? 1 : 2);
        await using (var take = new Npgsql.NpgsqlCommand("SELECT pg_advisory_lock($1)", gate))
        {
            take.Parameters.AddWithValue(key);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await using var release = new Npgsql.NpgsqlCommand("SELECT pg_advisory_unlock($1)", gate);
            release.Parameters.AddWithValue(key);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// One plain read of the newest applied migration, the check every start and activation makes. EF's
    /// own check builds a history model per context (most of an activation's cost, measured), and EF's
    /// migration lock writes, so a database that is up to date is never locked and EF is not woken.
    /// </summary>
    private static async Task<bool> IsUpToDateAsync(DbConnection connection, string historyTable, string latest, CancellationToken cancellationToken)
    {
        await using (connection)
        {
            try
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT MAX(\"MigrationId\") FROM \"{historyTable}\"";
                return await command.ExecuteScalarAsync(cancellationToken) is string applied && applied == latest;
            }
            catch (DbException)
            {
                // No history table (a new database) or no database file yet: migrations will tell.
                return false;
            }
        }
    }

    private static string CheckPostgresSyntax(string connectionString, string setting)
    {
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            if (builder.MaxAutoPrepare == 0)
            {
                // A page's few queries, prepared once per pooled connection and kept across its reuses (Npgsql then
                // resets the session without DEALLOCATE ALL), are not parsed and planned again for every page. The
                // session's settings, the tenant's among them, are still reset (RESET ALL).
                builder.MaxAutoPrepare = 64;
                builder.AutoPrepareMinUsages = 2;
            }

            return builder.ConnectionString;
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new SettingsProblemException($"{setting} is not a valid PostgreSQL connection string: {e.Message.TrimEnd('.')}.", e);
        }
    }

    private DbConnection CreateConnection(string connectionString) => Provider == DatabaseProvider.Sqlite
        ? new SqliteConnection(connectionString)
        : new Npgsql.NpgsqlConnection(connectionString);

    private string HostConnectionString() => Provider == DatabaseProvider.Sqlite
        ? SqliteConnectionString(Path.Combine(DataPath, "host.db"))
        : SharedConnectionString!;

    private static string SqliteConnectionString(string file) => new SqliteConnectionStringBuilder
    {
        DataSource = file,
        Pooling = true,
    }.ToString();

    private DbContextOptionsBuilder<TContext> Configure<TContext>(DbContextOptionsBuilder<TContext> builder, string connectionString, string historyTable)
        where TContext : DbContext
    {
        Configure((DbContextOptionsBuilder)builder, connectionString, historyTable);
        return builder;
    }

    private void Configure(DbContextOptionsBuilder builder, string connectionString, string historyTable)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            builder.UseSqlite(connectionString, o => o.MigrationsHistoryTable(historyTable));
        }
        else
        {
            builder.UseNpgsql(connectionString, o => o.MigrationsHistoryTable(historyTable));
            builder.AddInterceptors(_sessionInterceptor);
        }

        // Migrations are hand-written and provider-neutral, so there is no model snapshot to compare with.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        builder.UseLoggerFactory(_loggerFactory);
    }
}
