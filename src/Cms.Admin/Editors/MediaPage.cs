namespace Cms.Admin.Editors;

/// <summary>One page of the media library: its images, how many match in all, which page, and whether more follow.</summary>
public sealed record MediaPage(IReadOnlyList<MediaFile> Files, int Total, int Page, bool More);
