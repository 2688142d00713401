using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Cms.Data;

/// <summary>
/// One tenant's data. Every table has a TenantId column and a query filter on it, so a tenant sees only
/// its own rows whether it has a SQLite file of its own or shares a PostgreSQL database (where row-level
/// security adds a second wall, see <see cref="TenantSessionInterceptor"/>).
/// A module reads and writes the content tables through it (<see cref="Tenancy.TenantRuntime.CreateDbContext"/>), as
/// Orchard's modules query YesSql's session; the accounts and sessions tables are the host's own.
/// </summary>
public sealed class TenantDbContext : DbContext
{
    public const string HistoryTable = "__TenantMigrations";

    internal TenantDbContext(DbContextOptions<TenantDbContext> options, string tenantId)
        : base(options)
    {
        TenantId = tenantId;
    }

    // For a tenant runtime's pool (see TenantRuntime.CreateDbContext), which names the tenant when it leases one.
    public TenantDbContext(DbContextOptions<TenantDbContext> options)
        : this(options, "")
    {
    }

    public string TenantId { get; private set; }

    /// <summary>What this context's writes changed, raised when they commit (see <see cref="TenantChangeInterceptor"/>).</summary>
    internal PendingTenantChange PendingChange { get; } = new();

    /// <summary>A pooled context made ready for its next use: the pool resets EF Core's own state, this the context's.</summary>
    internal TenantDbContext Leased(string tenantId)
    {
        TenantId = tenantId;
        PendingChange.Clear();
        return this;
    }

    internal DbSet<UserRecord> Users => Set<UserRecord>();

    internal DbSet<DocumentRecord> Documents => Set<DocumentRecord>();

    public DbSet<ContentItemRecord> ContentItems => Set<ContentItemRecord>();

    public DbSet<ContentReferenceRecord> ContentReferences => Set<ContentReferenceRecord>();

    public DbSet<ViewCountRecord> ViewCounts => Set<ViewCountRecord>();

    internal DbSet<RevokedSessionRecord> RevokedSessions => Set<RevokedSessionRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UserRecord>(user =>
        {
            user.ToTable("Users");
            user.HasKey(u => new { u.TenantId, u.Id });
            user.HasIndex(u => new { u.TenantId, u.NormalizedUserName }).IsUnique();
            user.Property(u => u.Id).HasMaxLength(32);
            user.Property(u => u.UserName).HasMaxLength(100);
            user.Property(u => u.NormalizedUserName).HasMaxLength(100);
            user.Property(u => u.Email).HasMaxLength(254);
            user.Property(u => u.Roles).HasMaxLength(1000);
            user.Property(u => u.SecurityStamp).HasMaxLength(32);
        });
        modelBuilder.Entity<RevokedSessionRecord>(session =>
        {
            session.ToTable("RevokedSessions");
            session.HasKey(s => new { s.TenantId, s.SessionId });
            session.Property(s => s.SessionId).HasMaxLength(32);
        });
        modelBuilder.Entity<DocumentRecord>(document =>
        {
            document.ToTable("Documents");
            document.HasKey(d => new { d.TenantId, d.Key });
            document.Property(d => d.Key).HasMaxLength(100);
        });

        modelBuilder.Entity<ContentItemRecord>(item =>
        {
            item.ToTable("ContentItems");
            item.HasKey(c => new { c.TenantId, c.ContentItemVersionId });
            item.Property(c => c.ContentItemVersionId).HasMaxLength(64);
            item.Property(c => c.ContentItemId).HasMaxLength(64);
            item.Property(c => c.ContentType).HasMaxLength(255);
            item.Property(c => c.Owner).HasMaxLength(255);
            item.Property(c => c.Author).HasMaxLength(255);
            item.Property(c => c.RoutePath).HasMaxLength(1024);
            item.Property(c => c.ContainerId).HasMaxLength(64);
        });
        modelBuilder.Entity<ContentReferenceRecord>(reference =>
        {
            reference.ToTable("ContentReferences");
            reference.HasKey(r => new { r.TenantId, r.ContentItemVersionId, r.Path, r.TargetId });
            reference.Property(r => r.ContentItemVersionId).HasMaxLength(64);
            reference.Property(r => r.Path).HasMaxLength(255);
            reference.Property(r => r.TargetId).HasMaxLength(64);
        });
        modelBuilder.Entity<ViewCountRecord>(views =>
        {
            views.ToTable("ViewCounts");
            views.HasKey(v => new { v.TenantId, v.ContentItemId });
            views.Property(v => v.ContentItemId).HasMaxLength(64);
        });

        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType)))
        {
            entity.FindProperty(nameof(ITenantOwned.TenantId))!.SetMaxLength(63);
            modelBuilder.Entity(entity.ClrType).HasQueryFilter(TenantFilter(entity.ClrType));
        }
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampTenant();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampTenant();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    // A row written through this context always belongs to this context's tenant.
    private void StampTenant()
    {
        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State == EntityState.Added)
            {
                entry.Entity.TenantId = TenantId;
            }
            else if (entry.State != EntityState.Unchanged && entry.Entity.TenantId != TenantId)
            {
                throw new InvalidOperationException($"A row of tenant '{entry.Entity.TenantId}' cannot be changed from tenant '{TenantId}'.");
            }
        }
    }

    private LambdaExpression TenantFilter(Type entityType)
    {
        // e => e.TenantId == this.TenantId; EF turns the context member into a query parameter.
        var entity = Expression.Parameter(entityType, "e");
        var body = Expression.Equal(
            Expression.Property(entity, nameof(ITenantOwned.TenantId)),
            Expression.Property(Expression.Constant(this), nameof(TenantId)));
        return Expression.Lambda(body, entity);
    }
}
