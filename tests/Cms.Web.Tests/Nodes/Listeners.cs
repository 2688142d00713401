using Cms.Web.Tests.Support;
using Npgsql;

namespace Cms.Web.Tests.Nodes;

/// <summary>The nodes' connections that wait for change notifications on a test's PostgreSQL database.</summary>
internal static class Listeners
{
    /// <summary>
    /// The server processes of the database listening now, other than those given, once there are as many as wanted
    /// (one a node) or the patience ran out. A connection counts once its LISTEN has finished (idle after it): a
    /// notification committed while the LISTEN still runs is not delivered to it, and a connection cut a moment ago
    /// stays listed until its process has exited.
    /// </summary>
    public static Task<List<int>> WaitAsync(NpgsqlConnection server, int wanted, IReadOnlyCollection<int> except) =>
        Eventually.AnswerAsync(async () =>
        {
            await using var command = new NpgsqlCommand(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'idle' AND query LIKE 'LISTEN%'",
                server);
            var pids = new List<int>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                pids.Add(reader.GetInt32(0));
            }

            return pids.Except(except).ToList();
        }, pids => pids.Count == wanted);
}
