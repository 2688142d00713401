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

    private const int SqliteIoError = 10;             // SQLITE_IOERR
    private const int SqliteCannotOpen = 14;          // SQLITE_CANTOPEN

    // Less than this free where the database lives, and an I/O error is taken for a full disk.
    private const long NearlyFullBytes = 256 * 1024;

    /// <summary>
    /// True when the failure is a full disk. SQLite says so (SQLITE_FULL) only when a write into its database runs out
    /// of room; creating its write-ahead log or shared-memory file on a full disk is reported as an I/O error or as
    /// "unable to open", which counts as full when <paramref name="folder"/> (where the database lives) has no room.
    /// </summary>
    public static bool Is(Exception exception, string? folder = null)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is IOException { HResult: NoSpaceErrno or WindowsDiskFull or WindowsHandleDiskFull }
                || e is SqliteException { SqliteErrorCode: SqliteFull }
                || e is PostgresException { SqlState: PostgresDiskFull }
                || (e is SqliteException { SqliteErrorCode: SqliteIoError or SqliteCannotOpen } && folder is not null && HasNoRoom(folder)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasNoRoom(string folder)
    {
        try
        {
            return Directory.Exists(folder) && new DriveInfo(folder).AvailableFreeSpace < NearlyFullBytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }
}
