namespace Cms.Admin.Editors;

/// <summary>What a bag command did, to tell the manager (nothing is saved yet), and the element to focus.</summary>
public sealed record BagChange(string Notice, string FocusId);
