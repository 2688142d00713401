using Microsoft.Data.Sqlite;
using Npgsql;

namespace Cms.Data;

/// <summary>Recognises a write refused by a unique index or key, from SQLite or PostgreSQL, however EF Core wrapped it.</summary>
internal static class UniqueViolation
{
    private const int SqliteConstraint = 19;          // SQLITE_CONSTRAINT
    private const int SqliteUnique = 2067;            // SQLITE_CONSTRAINT_UNIQUE
    private const int SqlitePrimaryKey = 1555;        // SQLITE_CONSTRAINT_PRIMARYKEY

    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
                || e is SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteUnique or SqlitePrimaryKey })
            {
                return true;
            }
        }

        return false;
    }
}
