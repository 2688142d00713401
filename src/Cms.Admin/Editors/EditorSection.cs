namespace Cms.Admin.Editors;

/// <summary>A part's editors on a long form, under a heading the jump list at the top links to.</summary>
public sealed record EditorSection(string Id, string Title, IReadOnlyList<EditorEntry> Entries);
