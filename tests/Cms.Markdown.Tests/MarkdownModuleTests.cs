using Cms.Content.Handlers;
using Cms.Markdown.Handlers;
using Cms.Markdown.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cms.Markdown.Tests;

public sealed class MarkdownModuleTests
{
    [Fact]
    public void RegistersOneRendererAndTheRichTextHandler()
    {
        using var services = Build(new Dictionary<string, string?>());

        Assert.Same(services.GetRequiredService<IMarkdownRenderer>(), services.GetRequiredService<IMarkdownRenderer>());
        Assert.IsType<RichTextContentHandler>(Assert.Single(services.GetServices<IContentHandler>()));
    }

    [Fact]
    public void EscapesRawHtmlWithOrchardsDefaultExtensions()
    {
        using var services = Build(new Dictionary<string, string?>());

        var html = services.GetRequiredService<IMarkdownRenderer>().ToHtml("<mark>new</mark> | a |\n|---|\n| 1 |");

        Assert.Contains("&lt;mark&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void UsesTheExtensionsFromConfiguration()
    {
        using var services = Build(new Dictionary<string, string?> { [MarkdownModule.ExtensionsConfigurationKey] = "pipetables" });

        var renderer = services.GetRequiredService<IMarkdownRenderer>();

        Assert.Contains("<mark>new</mark>", renderer.ToHtml("<mark>new</mark>"), StringComparison.Ordinal);
        Assert.DoesNotContain("<del>", renderer.ToHtml("~~old~~"), StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesAnUnknownExtensionOnFirstUseNamingTheKey()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [MarkdownModule.ExtensionsConfigurationKey] = "nohtml+tabels" })
            .Build();

        var services = new ServiceCollection().AddMarkdownModule(configuration).BuildServiceProvider();
        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IMarkdownRenderer>());

        Assert.Contains("Cms:Markdown:Extensions", error.Message, StringComparison.Ordinal);
        Assert.Contains("tabels", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddMarkdownModule(configuration).BuildServiceProvider();
    }
}
