namespace Cms.Admin.Pages.Admin.Content;

/// <summary>
/// A draft saved in the background: the item's id, the stamp the form's OpenedVersion takes (so the person's own
/// next save is not taken for someone else's), when it was saved, the status to show, and the item's edit address
/// (for a new item, the address the form posts to from now on).
/// </summary>
public sealed record AutosaveReply(string Id, string OpenedVersion, DateTimeOffset SavedUtc, string Status, string StatusKind, string EditUrl);
