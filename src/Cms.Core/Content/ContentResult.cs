using System.Globalization;
using Cms.Content.Handlers;

namespace Cms.Content;

/// <summary>The outcome of storing a version: the version as stored, or why it was refused.</summary>
public sealed record ContentResult(ContentItem? Item, IReadOnlyList<ContentError> Errors, bool Skipped = false)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>
    /// Nothing was stored because the item changed after it was read: someone else saved it first. <see cref="Item"/> is
    /// then the item's current version (null when it has none, e.g. deleted), so the caller can say who and when.
    /// </summary>
    public bool Conflict { get; private init; }

    public static ContentResult Fail(string path, string message) => new(null, [new ContentError(path, message)]);

    internal static ContentResult Stale(ContentItem? current) => new(current, [new ContentError("", StaleMessage(current))]) { Conflict = true };

    private static string StaleMessage(ContentItem? current) => current is null
        ? "Someone else changed or deleted this item after it was read. Nothing was saved."
        : string.Create(CultureInfo.InvariantCulture, $"Someone else saved this item after it was read (at {current.ModifiedUtc:yyyy-MM-dd HH:mm} UTC, by {current.Author ?? "another user"}). Nothing was saved: read it again and redo the change.");
}
