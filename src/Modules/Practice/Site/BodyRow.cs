namespace Cms.Practice.Site;

/// <summary>What a page reads of its item: the rendered parts' JSON and the item's stored view count.</summary>
internal sealed record BodyRow(string? RenderedJson, long? Views);
