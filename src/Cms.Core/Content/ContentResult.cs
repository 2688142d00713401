using Cms.Content.Handlers;

namespace Cms.Content;

/// <summary>The outcome of storing a version: the version as stored, or why it was refused.</summary>
public sealed record ContentResult(ContentItem? Item, IReadOnlyList<ContentError> Errors, bool Skipped = false)
{
    public bool Succeeded => Errors.Count == 0;

    public static ContentResult Fail(string path, string message) => new(null, [new ContentError(path, message)]);
}
