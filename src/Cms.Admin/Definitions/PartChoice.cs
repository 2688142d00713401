namespace Cms.Admin.Definitions;

/// <summary>A part a manager can attach to a type: its part definition, what they read, and whether a type may have it twice under names.</summary>
public sealed record PartChoice(string PartName, string Label, string Description, bool Named = false);
