using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Cms.Data;

/// <summary>The newest migration id of each context, read from the attributes without starting EF Core.</summary>
internal static class MigrationIds
{
    public static string Latest<TContext>()
        where TContext : DbContext => LatestOf<TContext>.Id;

    private static class LatestOf<TContext>
        where TContext : DbContext
    {
        public static readonly string Id = typeof(MigrationIds).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(TContext))
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .Max(StringComparer.Ordinal)!;
    }
}
