namespace Cms.Admin.History;

/// <summary>A field that differs between two versions: its label as the editor shows it, and the compared text.</summary>
public sealed record FieldChange(string Label, IReadOnlyList<DiffSpan> Spans);
