using Npgsql;

namespace Cms.Bench;

/// <summary>
/// The CPU time of the PostgreSQL server processes (backends) serving one database, read from /proc: on a machine
/// that the database server shares with the host, a page's cost on PostgreSQL is the host's CPU and this together.
/// Only works with the server on the same machine as the bench; elsewhere the count stays at zero.
/// </summary>
internal sealed class BackendCpu : IDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly Dictionary<int, TimeSpan> _lastSeen = [];
    private TimeSpan _total;
    private bool _started;

    public BackendCpu(string connectionString)
    {
        _connection = new NpgsqlConnection(connectionString);
        _connection.Open();
    }

    /// <summary>
    /// CPU time used since the first call by the database's backends: each backend counted from when it was first seen
    /// (from its start if it started since); a backend that ended between two calls loses its last stretch.
    /// </summary>
    /// <remarks>Synchronous, as <see cref="LoadTarget.Cpu"/> is: one short query before and after each run.</remarks>
    public TimeSpan Total()
    {
        using var backends = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", _connection);
        using var reader = backends.ExecuteReader();
        while (reader.Read())
        {
            var pid = reader.GetInt32(0);
            if (CpuTime.OfProcess(pid) is not { } cpu)
            {
                continue;
            }

            if (_started)
            {
                _total += cpu - _lastSeen.GetValueOrDefault(pid);
            }

            _lastSeen[pid] = cpu;
        }

        _started = true;
        return _total;
    }

    public void Dispose() => _connection.Dispose();
}
