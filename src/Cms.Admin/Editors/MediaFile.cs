namespace Cms.Admin.Editors;

/// <summary>An image in the media library: its path there (what a media field holds), file name, size in bytes and last change.</summary>
public sealed record MediaFile(string Path, string Name, long Size, DateTime ModifiedUtc)
{
    /// <summary>Where the public site serves it, under the request's path base.</summary>
    public string Url { get; init; } = "";
}
