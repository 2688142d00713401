namespace Cms.Admin.History;

/// <summary>A run of text in a compared value, shown in order; a <see cref="DiffKind.Skipped"/> run says what was left out.</summary>
public sealed record DiffSpan(DiffKind Kind, string Text);
