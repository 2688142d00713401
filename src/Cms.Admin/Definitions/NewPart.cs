namespace Cms.Admin.Definitions;

/// <summary>The "add a part" form: which part, and for a named part (a bag) its name, label and the types it holds.</summary>
public sealed record NewPart(string? PartName, string? Name, string? Label, IReadOnlyList<string> ContainedTypes);
