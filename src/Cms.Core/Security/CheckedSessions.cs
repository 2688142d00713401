using System.Collections.Concurrent;

namespace Cms.Security;

/// <summary>
/// What <see cref="UserSessions"/> last read for each session of one tenant, kept in the tenant's runtime: a change
/// to users rebuilds the runtime (here at once, on other nodes through the registry), which empties this.
/// </summary>
internal sealed class CheckedSessions
{
    // Only sessions with a valid, signed cookie get here; the bound keeps a flood of them from growing it without end.
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, SessionCheck> _bySession = new(StringComparer.Ordinal);

    public SessionCheck? Find(string sessionId, DateTimeOffset notBefore) =>
        _bySession.TryGetValue(sessionId, out var check) && check.CheckedUtc >= notBefore ? check : null;

    public void Keep(string sessionId, SessionCheck check, DateTimeOffset notBefore)
    {
        if (_bySession.Count > PruneAbove)
        {
            foreach (var (id, old) in _bySession)
            {
                if (old.CheckedUtc < notBefore)
                {
                    _bySession.TryRemove(id, out _);
                }
            }
        }

        _bySession[sessionId] = check;
    }

    public void Forget(string sessionId) => _bySession.TryRemove(sessionId, out _);

    /// <summary>The user's current stamp (null when the user is gone or disabled) and whether the session signed out.</summary>
    internal sealed record SessionCheck(string UserId, string? Stamp, bool Ended, DateTimeOffset CheckedUtc);
}
