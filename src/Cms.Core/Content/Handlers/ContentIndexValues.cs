using System.Text;

namespace Cms.Content.Handlers;

/// <summary>What a stored version is found by: its route, its container, the items it points at, its text, its rendered HTML.</summary>
public sealed class ContentIndexValues
{
    public string? RoutePath { get; set; }

    public string? ContainerId { get; set; }

    public int? ContainerOrder { get; set; }

    /// <summary>Items this version points at, with the "Part.Field" that points.</summary>
    public List<(string Path, string TargetId)> References { get; } = [];

    /// <summary>Sanitized HTML rendered on save, by "Part" or "Part.Field".</summary>
    public Dictionary<string, string> RenderedHtml { get; } = new(StringComparer.Ordinal);

    /// <summary>Plain text for full-text search: title, bodies, text fields.</summary>
    public StringBuilder SearchText { get; } = new();
}
