namespace Cms.Tenancy;

/// <summary>
/// One committed change to a tenant, raised by the layer that wrote it (<see cref="TenantChanges"/>): which kinds of data
/// changed and, for content, which items. Past <see cref="MaxItemIds"/> items (a big import) it says
/// <see cref="ManyItems"/> instead of naming them, so it always fits in one PostgreSQL notification.
/// </summary>
public sealed record TenantChange(string Tenant, ChangeKinds Kinds, IReadOnlyList<string> ItemIds, bool ManyItems = false)
{
    /// <summary>
    /// Item ids an event names at most: 100 ids of 64 ASCII characters fit PostgreSQL's 8,000-byte notification with room
    /// for the rest (ids of other characters are checked by their bytes when sent, see <see cref="TenantChangePayload"/>).
    /// </summary>
    public const int MaxItemIds = 100;

    /// <summary>The tenant's change revision this change moved it to (set when it is stored, 0 before).</summary>
    public long Revision { get; init; }

    /// <summary>The kinds a runtime is built from: a change of these rebuilds it; any other is applied to it.</summary>
    public const ChangeKinds RuntimeKinds = ChangeKinds.Definitions | ChangeKinds.Features | ChangeKinds.Registry;

    /// <summary>Whether the tenant's runtime must be rebuilt rather than told.</summary>
    public bool RebuildsRuntime => (Kinds & RuntimeKinds) != 0;
}
