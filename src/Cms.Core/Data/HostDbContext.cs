using Microsoft.EntityFrameworkCore;

namespace Cms.Data;

/// <summary>The host database: the tenant registry and the data-protection key ring (see HostKeyRing).</summary>
internal sealed class HostDbContext : DbContext
{
    public const string HistoryTable = "__HostMigrations";

    /// <summary>The registry's host names, keyed by the normalized tenant name; they go with the tenant's registry row.</summary>
    public const string TenantHostsTable = "TenantHosts";

    public HostDbContext(DbContextOptions<HostDbContext> options)
        : base(options)
    {
    }

    public DbSet<TenantRecord> Tenants => Set<TenantRecord>();

    public DbSet<TenantHostRecord> TenantHosts => Set<TenantHostRecord>();

    public DbSet<HostStateRecord> HostState => Set<HostStateRecord>();

    public DbSet<ScheduledPublicationRecord> ScheduledPublications => Set<ScheduledPublicationRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TenantRecord>(tenant =>
        {
            tenant.ToTable("Tenants");
            tenant.HasKey(t => t.NormalizedName);
            tenant.Property(t => t.NormalizedName).HasMaxLength(63);
            tenant.Property(t => t.Name).HasMaxLength(63);
            tenant.Property(t => t.State).HasMaxLength(16);
            tenant.Property(t => t.Prefix).HasMaxLength(63);
            tenant.Property(t => t.RecipeName).HasMaxLength(100);
            tenant.HasIndex(t => t.Prefix).IsUnique();
            tenant.HasMany(t => t.Hosts).WithOne().HasForeignKey(h => h.TenantName).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<TenantHostRecord>(host =>
        {
            host.ToTable(TenantHostsTable);
            host.HasKey(h => h.Host);
            host.Property(h => h.Host).HasMaxLength(253);
            host.Property(h => h.TenantName).HasMaxLength(63);
        });
        modelBuilder.Entity<HostStateRecord>(state =>
        {
            state.ToTable("HostState");
            state.HasKey(s => s.Id);
            state.Property(s => s.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<ScheduledPublicationRecord>(scheduled =>
        {
            scheduled.ToTable("ScheduledPublications");
            scheduled.HasKey(s => new { s.TenantName, s.ContentItemId });
            scheduled.Property(s => s.TenantName).HasMaxLength(63);
            scheduled.Property(s => s.ContentItemId).HasMaxLength(64);
            scheduled.Property(s => s.UserName).HasMaxLength(100);
            scheduled.Property(s => s.LeasedBy).HasMaxLength(100);
            scheduled.Property(s => s.LastError).HasMaxLength(1000);
        });
    }
}
