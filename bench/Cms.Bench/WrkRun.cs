namespace Cms.Bench;

/// <summary>
/// What one wrk run printed: requests per second, wrk's latency percentiles and maximum in milliseconds, the
/// requests it completed, and the socket errors it counted (connect, read, write, timeout together).
/// </summary>
internal sealed record WrkRun(double RequestsPerSecond, long Requests, double P50, double P75, double P90, double P99, double Max, long SocketErrors);
