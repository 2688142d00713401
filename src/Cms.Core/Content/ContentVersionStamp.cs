namespace Cms.Content;

/// <summary>
/// The stored state an item was read as: its version and that row's revision, which every write moves on. A save of
/// the item is refused when the item's current version is no longer this one ("someone else saved it").
/// </summary>
internal sealed record ContentVersionStamp(string ContentItemVersionId, int Revision)
{
    /// <summary>The form the admin's editor carries between opening an item and saving it.</summary>
    public override string ToString() => $"{ContentItemVersionId}.{Revision}";
}
