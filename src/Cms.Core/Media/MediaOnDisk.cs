namespace Cms.Media;

/// <summary>A media file and a local file holding its content, to read or serve from.</summary>
public sealed record MediaOnDisk(MediaEntry Entry, string FilePath);
