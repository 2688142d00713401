namespace Cms.Admin.Definitions;

/// <summary>A refused setting: the name of the input it belongs to, and what is wrong in words a manager understands.</summary>
public sealed record SettingError(string Key, string Message);
