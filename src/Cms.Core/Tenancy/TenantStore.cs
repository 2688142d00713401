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

    public async Task<IReadOnlyList<TenantSettings>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = _database.CreateHostContext();
        var records = await db.Tenants.AsNoTracking().Include(t => t.Hosts).OrderBy(t => t.NormalizedName).ToListAsync(cancellationToken);
        return records.ConvertAll(ToSettings);
    }

    public async Task<TenantSettings?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateHostContext();
        var key = TenantNames.Normalize(name);
        var record = await db.Tenants.AsNoTracking().Include(t => t.Hosts).FirstOrDefaultAsync(t => t.NormalizedName == key, cancellationToken);
        return record is null ? null : ToSettings(record);
    }

    public async Task<long> GetVersionAsync(CancellationToken cancellationToken)
    {
        await using var db = _database.CreateHostContext();
        return await db.HostState.AsNoTracking().Where(s => s.Id == 1).Select(s => s.RegistryVersion).FirstAsync(cancellationToken);
    }

    /// <summary>Names what the new tenant would share with an existing one: its name, a host or its prefix.</summary>
    public async Task<IReadOnlyList<string>> FindConflictsAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateHostContext();
        var conflicts = new List<string>();
        var key = TenantNames.Normalize(tenant.Name);
        if (await db.Tenants.AnyAsync(t => t.NormalizedName == key, cancellationToken))
        {
            conflicts.Add($"A tenant named '{tenant.Name}' already exists.");
        }

        foreach (var taken in await db.TenantHosts.AsNoTracking().Where(h => tenant.Hosts.Contains(h.Host)).ToListAsync(cancellationToken))
        {
            conflicts.Add($"The host '{taken.Host}' already belongs to tenant '{taken.TenantName}'.");
        }

        if (tenant.Prefix is not null)
        {
            var owner = await db.Tenants.AsNoTracking().Where(t => t.Prefix == tenant.Prefix).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken);
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
        return await SaveWithVersionAsync(db, cancellationToken);
    }

    public async Task<bool> UpdateAsync(TenantSettings tenant, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateHostContext();
        var key = TenantNames.Normalize(tenant.Name);
        var record = await db.Tenants.Include(t => t.Hosts).FirstOrDefaultAsync(t => t.NormalizedName == key, cancellationToken);
        if (record is null)
        {
            return false;
        }

        var updated = ToRecord(tenant);
        record.State = updated.State;
        record.Prefix = updated.Prefix;
        record.ConnectionString = updated.ConnectionString;
        record.RecipeName = updated.RecipeName;
        record.Hosts.RemoveAll(h => !tenant.Hosts.Contains(h.Host));
        record.Hosts.AddRange(updated.Hosts.Where(h => record.Hosts.All(existing => existing.Host != h.Host)));
        return await SaveWithVersionAsync(db, cancellationToken);
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
        return await SaveWithVersionAsync(db, cancellationToken);
    }

    // The version moves in the same transaction as the change, so a reader that sees the new version
    // also sees the change.
    private static async Task<bool> SaveWithVersionAsync(HostDbContext db, CancellationToken cancellationToken)
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
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static TenantSettings ToSettings(TenantRecord record) => new(
        record.Name,
        Enum.Parse<TenantState>(record.State),
        record.Hosts.Select(h => h.Host).Order(StringComparer.Ordinal).ToArray(),
        record.Prefix,
        record.ConnectionString,
        record.RecipeName,
        record.CreatedUtc);

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
            Hosts = tenant.Hosts.Select(h => new TenantHostRecord { Host = h, TenantName = key }).ToList(),
        };
    }
}
