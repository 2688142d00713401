using Cms.Data;
using Microsoft.EntityFrameworkCore;

namespace Cms.Tenancy;

/// <summary>The tenant registry in the host database; the same code serves SQLite and PostgreSQL.</summary>
internal sealed class TenantStore
{
    private readonly CmsDatabase _database;

    public TenantStore(CmsDatabase database)
    {
        _database = database;
    }

    // The reads are plain SQL, identical for both providers: the registry is read at start, before
    // EF Core is warm, and this keeps EF's start-up cost off the path to the first page (measured).
    private const string SelectTenants = """
        SELECT t."Name", t."State", t."Prefix", t."ConnectionString", t."RecipeName", t."CreatedUtc", t."Revision", t."ChangeRevision", h."Host"
        FROM "Tenants" t LEFT JOIN "TenantHosts" h ON h."TenantName" = t."NormalizedName"
        """;

    public Task<IReadOnlyList<TenantSettings>> ListAsync(CancellationToken cancellationToken) =>
        ReadAsync(null, cancellationToken);

    public async Task<TenantSettings?> FindAsync(string name, CancellationToken cancellationToken) =>
        (await ReadAsync(TenantNames.Normalize(name), cancellationToken)) is [var found, ..] ? found : null;

    public async Task<long> GetVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = _database.CreateHostConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "RegistryVersion" FROM "HostState" WHERE "Id" = 1""";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<IReadOnlyList<TenantSettings>> ReadAsync(string? normalizedName, CancellationToken cancellationToken)
    {
        await using var connection = _database.CreateHostConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = SelectTenants + (normalizedName is null ? "" : """ WHERE t."NormalizedName" = @name""") + """ ORDER BY t."NormalizedName", h."Host" """;
        if (normalizedName is not null)
        {
            command.AddParameter("@name", normalizedName);
        }

        var tenants = new List<TenantSettings>();
        var hosts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        TenantSettings? current = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0);
            if (current?.Name != name)
            {
                Add(current, hosts, tenants);
                hosts = [];
                current = new TenantSettings(
                    name,
                    Enum.Parse<TenantState>(reader.GetString(1)),
                    [],
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.GetFieldValue<DateTimeOffset>(5),
                    reader.GetInt64(6))
                { ChangeRevision = reader.GetInt64(7) };
            }

            if (!reader.IsDBNull(8))
            {
                hosts.Add(reader.GetString(8));
            }
        }

        Add(current, hosts, tenants);
        return tenants;

        static void Add(TenantSettings? tenant, List<string> hosts, List<TenantSettings> into)
        {
            if (tenant is not null)
            {
                into.Add(tenant with { Hosts = hosts.ToArray() });
            }
        }
    }

    /// <summary>Names what the new tenant would share with an existing one: its name, a host or its prefix.</summary>
    public Task<IReadOnlyList<string>> FindConflictsAsync(TenantSettings tenant, CancellationToken cancellationToken) =>
        FindConflictsAsync(tenant, exists: false, cancellationToken);

    /// <summary>Names what an existing tenant's new hosts and prefix would share with another tenant.</summary>
    public Task<IReadOnlyList<string>> FindAddressConflictsAsync(TenantSettings tenant, CancellationToken cancellationToken) =>
        FindConflictsAsync(tenant, exists: true, cancellationToken);

    private async Task<IReadOnlyList<string>> FindConflictsAsync(TenantSettings tenant, bool exists, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateHostContext();
        var conflicts = new List<string>();
        var key = TenantNames.Normalize(tenant.Name);
        if (!exists && await db.Tenants.AnyAsync(t => t.NormalizedName == key, cancellationToken))
        {
            conflicts.Add($"A tenant named '{tenant.Name}' already exists.");
        }

        // An existing tenant keeping its own host or prefix is no conflict.
        var others = exists ? db.Tenants.Where(t => t.NormalizedName != key) : db.Tenants;
        var otherHosts = exists ? db.TenantHosts.Where(h => h.TenantName != key) : db.TenantHosts;
        foreach (var taken in await otherHosts.AsNoTracking().Where(h => tenant.Hosts.Contains(h.Host)).ToListAsync(cancellationToken))
        {
            conflicts.Add($"The host '{taken.Host}' already belongs to tenant '{taken.TenantName}'.");
        }

        if (tenant.Prefix is not null)
        {
            var owner = await others.AsNoTracking().Where(t => t.Prefix == tenant.Prefix).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken);
            if (owner is not null)
            {
                conflicts.Add($"The prefix '{tenant.Prefix}' already belongs to tenant '{owner}'.");
            }
        }

        return conflicts;
    }

    /// <summary>Adds a tenant; false when the database's unique keys refuse it (a race with another writer).</summary>
    public async Task<bool> AddAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateHostContext();
        db.Tenants.Add(ToRecord(tenant));
        return await SaveWithVersionAsync(db, tenant.Name, cancellationToken);
    }

    /// <summary>
    /// Stores what the caller changed in the tenant it read: only the values that differ between <paramref name="read"/>
    /// and <paramref name="changed"/> are written, so two changes made at once to different things (disabling it while
    /// someone moves it to a new prefix) both stay. False when the tenant is gone or a host or prefix is taken.
    /// </summary>
    public async Task<bool> UpdateAsync(TenantSettings read, TenantSettings changed, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateHostContext();
        var key = TenantNames.Normalize(changed.Name);
        var record = await db.Tenants.Include(t => t.Hosts).FirstOrDefaultAsync(t => t.NormalizedName == key, cancellationToken);
        if (record is null)
        {
            return false;
        }

        var updated = ToRecord(changed);
        if (changed.State != read.State)
        {
            record.State = updated.State;
        }

        if (changed.Prefix != read.Prefix)
        {
            record.Prefix = updated.Prefix;
        }

        if (changed.ConnectionString != read.ConnectionString)
        {
            record.ConnectionString = updated.ConnectionString;
        }

        if (changed.RecipeName != read.RecipeName)
        {
            record.RecipeName = updated.RecipeName;
        }

        if (!changed.Hosts.Order(StringComparer.Ordinal).SequenceEqual(read.Hosts.Order(StringComparer.Ordinal)))
        {
            record.Hosts.RemoveAll(h => !changed.Hosts.Contains(h.Host));
            record.Hosts.AddRange(updated.Hosts.Where(h => record.Hosts.All(existing => existing.Host != h.Host)));
        }

        return await SaveWithVersionAsync(db, changed.Name, cancellationToken);
    }

    /// <summary>
    /// Names this process in the notifications it sends, so its own listener knows a change it raised itself (and has
    /// told its observers of already) from one another node raised.
    /// </summary>
    public string NodeId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>
    /// Stores that a committed change was made to the tenant and tells every node of it: the tenant's change revision
    /// moves (and its runtime revision too when the change rebuilds runtimes), the registry version moves, and on
    /// PostgreSQL the change is notified in the same transaction. Returns the change stamped with its revision.
    /// </summary>
    public async Task<TenantChange> TouchAsync(TenantChange change, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateHostContext();
        var key = TenantNames.Normalize(change.Tenant);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tenant = db.Tenants.Where(t => t.NormalizedName == key);
        await (change.RebuildsRuntime
            ? tenant.ExecuteUpdateAsync(s => s.SetProperty(t => t.ChangeRevision, t => t.ChangeRevision + 1).SetProperty(t => t.Revision, t => t.Revision + 1), cancellationToken)
            : tenant.ExecuteUpdateAsync(s => s.SetProperty(t => t.ChangeRevision, t => t.ChangeRevision + 1), cancellationToken));
        var stamped = change with { Revision = await tenant.Select(t => t.ChangeRevision).FirstOrDefaultAsync(cancellationToken) };
        await db.HostState.Where(s => s.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(x => x.RegistryVersion, x => x.RegistryVersion + 1), cancellationToken);
        await NotifyAsync(db, stamped, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stamped;
    }

    public async Task<bool> RemoveAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateHostContext();
        var key = TenantNames.Normalize(name);
        var record = await db.Tenants.Include(t => t.Hosts).FirstOrDefaultAsync(t => t.NormalizedName == key, cancellationToken);
        if (record is null)
        {
            return false;
        }

        db.Tenants.Remove(record);
        return await SaveWithVersionAsync(db, name, cancellationToken);
    }

    // The version moves in the same transaction as the change, so a reader that sees the new version
    // also sees the change.
    private async Task<bool> SaveWithVersionAsync(HostDbContext db, string name, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return false;
        }

        await db.HostState.Where(s => s.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(x => x.RegistryVersion, x => x.RegistryVersion + 1), cancellationToken);
        await NotifyAsync(db, new TenantChange(name, ChangeKinds.Registry, []), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// PostgreSQL: tells every node's <see cref="TenantChangeListener"/> that the registry moved. Sent inside the
    /// transaction, PostgreSQL delivers it on commit and drops it on rollback, so no node hears of a change it cannot read.
    /// </summary>
    private async Task NotifyAsync(HostDbContext db, TenantChange change, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            var payload = TenantChangePayload.Write(NodeId, change);
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({TenantChangeListener.Channel}, {payload})", cancellationToken);
        }
    }

    private static TenantRecord ToRecord(TenantSettings tenant)
    {
        var key = TenantNames.Normalize(tenant.Name);
        return new TenantRecord
        {
            Name = tenant.Name,
            NormalizedName = key,
            State = tenant.State.ToString(),
            Prefix = tenant.Prefix,
            ConnectionString = tenant.ConnectionString,
            RecipeName = tenant.RecipeName,
            CreatedUtc = tenant.CreatedUtc,
            Revision = tenant.Revision,
            Hosts = tenant.Hosts.Select(h => new TenantHostRecord { Host = h, TenantName = key }).ToList(),
        };
    }
}
