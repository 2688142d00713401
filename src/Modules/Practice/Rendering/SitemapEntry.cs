namespace Cms.Practice.Rendering;

/// <summary>One URL of a practice's sitemap: its path and, when known, when what it shows last changed.</summary>
internal sealed record SitemapEntry(string Path, DateTimeOffset? Modified);
