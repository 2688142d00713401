namespace Cms.Admin.Editors;

/// <summary>A content item whose current version (latest or published) uses a media file: its id (for its editor), type and title.</summary>
public sealed record MediaUse(string ContentItemId, string ContentType, string? Title);
