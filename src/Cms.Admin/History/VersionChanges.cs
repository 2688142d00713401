using Cms.Admin.Editors;

namespace Cms.Admin.History;

/// <summary>
/// What changed from one version of an item to the next, field by field in the editor's order and under the labels the
/// editor shows; fields that did not change are left out. An item inside a bag is matched by its id, so moving it is not
/// a change of every field.
/// </summary>
public static class VersionChanges
{
    public static IReadOnlyList<FieldChange> Between(ItemEditor before, ItemEditor after, FieldText text)
    {
        var changes = new List<FieldChange>();
        Collect(before.Entries, after.Entries, "", text, changes);
        return changes;
    }

    private static void Collect(IReadOnlyList<EditorEntry> before, IReadOnlyList<EditorEntry> after, string labelPrefix, FieldText text, List<FieldChange> changes)
    {
        var old = before.DistinctBy(e => e.Path).ToDictionary(e => e.Path, StringComparer.Ordinal);
        var kept = after.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        var pairs = after.Select(e => (Before: old.GetValueOrDefault(e.Path), After: (EditorEntry?)e))
            .Concat(before.Where(e => !kept.Contains(e.Path)).Select(e => (Before: (EditorEntry?)e, After: (EditorEntry?)null)));
        foreach (var (was, now) in pairs)
        {
            var entry = (now ?? was)!;
            var label = labelPrefix + entry.Label;
            if (entry.Bag is not null)
            {
                CollectBag(was?.Bag?.Rows ?? [], now?.Bag?.Rows ?? [], label, text, changes);
                continue;
            }

            var spans = TextDiff.Compare(was is null ? "" : text.Of(was), now is null ? "" : text.Of(now));
            if (spans.Count > 0)
            {
                changes.Add(new FieldChange(label, spans));
            }
        }
    }

    private static void CollectBag(IReadOnlyList<BagRow> before, IReadOnlyList<BagRow> after, string label, FieldText text, List<FieldChange> changes)
    {
        var old = before.DistinctBy(r => r.ContentItemId).ToDictionary(r => r.ContentItemId, StringComparer.Ordinal);
        foreach (var row in after)
        {
            Collect(old.GetValueOrDefault(row.ContentItemId)?.Editor.Entries ?? [], row.Editor.Entries, $"{label} › {row.Label} › ", text, changes);
        }

        var kept = after.Select(r => r.ContentItemId).ToHashSet(StringComparer.Ordinal);
        foreach (var row in before.Where(r => !kept.Contains(r.ContentItemId)))
        {
            Collect(row.Editor.Entries, [], $"{label} › {row.Label} (removed) › ", text, changes);
        }
    }
}
