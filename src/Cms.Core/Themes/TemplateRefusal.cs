namespace Cms.Themes;

/// <summary>Why candidate templates may not be stored: a page of the site they fail on. <see cref="Template"/> is the one to blame, null when only several together fail.</summary>
public sealed record TemplateRefusal(string? Template, string Message);
