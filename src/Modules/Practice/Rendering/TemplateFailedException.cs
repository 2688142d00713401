namespace Cms.Practice.Rendering;

/// <summary>A page whose templates went over a limit or failed while rendering; <see cref="Reason"/> ends a sentence about them.</summary>
internal sealed class TemplateFailedException(string template, string reason) : Exception($"The template '{template}' {reason}.")
{
    /// <summary>The page's template (its layout and partials rendered with it).</summary>
    public string Template { get; } = template;

    public string Reason { get; } = reason;
}
