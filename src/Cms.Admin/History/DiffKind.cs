namespace Cms.Admin.History;

/// <summary>What a piece of a compared text is: kept, added, removed, or unchanged lines left out ("12 unchanged lines").</summary>
public enum DiffKind
{
    Same,
    Added,
    Removed,
    Skipped,
}
