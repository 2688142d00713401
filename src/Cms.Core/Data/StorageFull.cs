using Microsoft.Data.Sqlite;
using Npgsql;

namespace Cms.Data;

/// <summary>Recognises "the disk is full" in whichever layer noticed it: the file system, SQLite or PostgreSQL.</summary>
public static class StorageFull
{
    private const int NoSpaceErrno = 28;              // ENOSPC, the HResult .NET gives an IOException on Unix
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);
    private const int SqliteFull = 13;                // SQLITE_FULL
    private const string PostgresDiskFull = "53100";  // disk_full

    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is IOException { HResult: NoSpaceErrno or WindowsDiskFull or WindowsHandleDiskFull }
                || e is SqliteException { SqliteErrorCode: SqliteFull }
                || e is PostgresException { SqlState: PostgresDiskFull })
            {
                return true;
            }
        }

        return false;
    }
}
