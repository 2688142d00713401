using Cms.Tenancy;

namespace Cms.Data;

/// <summary>
/// What the writes on one <see cref="TenantDbContext"/> changed and not yet committed: the kinds and item ids the writes
/// record, taken as one <see cref="TenantChange"/> when their transaction commits (<see cref="TenantChangeInterceptor"/>).
/// </summary>
internal sealed class PendingTenantChange
{
    private readonly HashSet<string> _itemIds = new(StringComparer.Ordinal);
    private ChangeKinds _kinds;
    private bool _manyItems;

    public void Record(ChangeKinds kinds) => _kinds |= kinds;

    public void RecordItem(string contentItemId)
    {
        _kinds |= ChangeKinds.Content;
        if (_manyItems || _itemIds.Contains(contentItemId))
        {
            return;
        }

        // A big import names no ids: past the bound a receiver treats every item as changed anyway.
        if (_itemIds.Count == TenantChange.MaxItemIds)
        {
            _manyItems = true;
            _itemIds.Clear();
            return;
        }

        _itemIds.Add(contentItemId);
    }

    /// <summary>The change recorded so far, forgotten here; null when nothing was.</summary>
    public TenantChange? Take(string tenant)
    {
        if (_kinds == ChangeKinds.None)
        {
            return null;
        }

        var change = new TenantChange(tenant, _kinds, _itemIds.Order(StringComparer.Ordinal).ToList(), _manyItems);
        Clear();
        return change;
    }

    public void Clear()
    {
        _kinds = ChangeKinds.None;
        _manyItems = false;
        _itemIds.Clear();
    }
}
