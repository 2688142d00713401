namespace Cms.Bench;

/// <summary>
/// What one wrk run printed: requests per second, wrk's latency percentiles and maximum in milliseconds, the
/// requests it completed, the bytes it read (headers included, to wrk's 3 significant digits), and the socket
/// errors it counted (connect, read, write, timeout together).
/// </summary>
internal sealed record WrkRun(double RequestsPerSecond, long Requests, double BytesRead, double P50, double P75, double P90, double P99, double Max, long SocketErrors)
{
    /// <summary>What one response weighed on average: says whether a server sent the whole page.</summary>
    public double BytesPerResponse => BytesRead / Requests;
}
