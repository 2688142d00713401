using Cms.Content.Handlers;
using Cms.Markdown.Handlers;
using Cms.Markdown.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Markdown;

/// <summary>Registers what OrchardCore.Markdown and OrchardCore.Html do for content: Markdown rendering and HTML sanitizing on save.</summary>
public static class MarkdownModule
{
    public const string ExtensionsConfigurationKey = "Cms:Markdown:Extensions";

    /// <summary>Orchard's default: raw HTML in Markdown is escaped, every common extension is on.</summary>
    public const string DefaultExtensions = "nohtml+advanced";

    public static IServiceCollection AddMarkdownModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Built on first use (the first save or preview): building them costs about 0.2 s, which start-up
        // cannot spare. A mistyped extension then fails that first use, naming the key to fix.
        services.AddSingleton<RichTextSanitizer>();
        services.AddSingleton<IMarkdownRenderer>(provider => CreateRenderer(configuration, provider.GetRequiredService<RichTextSanitizer>()));
        services.AddSingleton<IContentHandler, RichTextContentHandler>();
        return services;
    }

    private static MarkdigRenderer CreateRenderer(IConfiguration configuration, RichTextSanitizer sanitizer)
    {
        var configured = configuration[ExtensionsConfigurationKey];
        var extensions = string.IsNullOrWhiteSpace(configured) ? DefaultExtensions : configured;
        try
        {
            return new MarkdigRenderer(extensions, sanitizer);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException(
                $"Configuration {ExtensionsConfigurationKey} = \"{extensions}\" is not a Markdig extensions list: {ex.Message}", ex);
        }
    }
}
