using System.Collections;
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace Cms.Bench;

/// <summary>
/// Microsoft.Data.Sqlite keeps every cleared connection pool in a list until its pruning timer runs
/// (first 4 minutes after the first connection, then every 30 seconds), so released tenants look like a
/// leak until then. This reads that list's length through private fields, for evidence only; it answers
/// null when a later version of the library names them differently.
/// </summary>
internal static class SqlitePoolProbe
{
    /// <summary>The pruner's first run, counted from the library's first use.</summary>
    public static readonly TimeSpan FirstPrune = TimeSpan.FromMinutes(4);

    public static int? PoolsAwaitingRelease()
    {
        var factory = typeof(SqliteConnection).Assembly.GetType("Microsoft.Data.Sqlite.SqliteConnectionFactory");
        var instance = factory?.GetField("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
        return factory?.GetField("_poolsToRelease", BindingFlags.NonPublic | BindingFlags.Instance)?.GetValue(instance) is ICollection pools
            ? pools.Count
            : null;
    }
}
