namespace Cms.Admin.Editors;

/// <summary>One item inside a bag on the form: its place, ids, what a manager reads ("Membership 2") and its editors.</summary>
public sealed record BagRow(int Index, string ContentItemId, string ContentType, string Label, ItemEditor Editor);
