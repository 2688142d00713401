namespace Cms.Media;

/// <summary>A file in a media library: its path there ('/'-separated), size in bytes, content type and last change.</summary>
public sealed record MediaEntry(string Path, long Length, string ContentType, DateTime ModifiedUtc)
{
    public string Name => Path[(Path.LastIndexOf('/') + 1)..];
}
