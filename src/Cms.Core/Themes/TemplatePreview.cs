namespace Cms.Themes;

/// <summary>A page rendered with candidate templates; <see cref="Error"/> instead when they went over a limit or failed on it.</summary>
public sealed record TemplatePreview(int StatusCode, string Html, string? Error = null);
