using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using Cms.Practice.Site;
using Fluid;
using Fluid.Values;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Cms.Practice.Rendering;

/// <summary>
/// A tenant's theme templates: the Practice module's Liquid templates, each replaced by the tenant's own
/// template of the same name (the <c>Templates</c> recipe step) when that one parses. Parsed once per
/// tenant runtime; partials (<c>{% render 'article-card' %}</c>) resolve the same way.
/// </summary>
internal sealed class ThemeTemplates
{
    private static readonly FluidParser s_parser = new();
    private static readonly Lazy<IReadOnlyDictionary<string, string>> s_defaults = new(ReadDefaults);

    private readonly Dictionary<string, string> _sources;
    private readonly ConcurrentDictionary<string, IFluidTemplate> _parsed = new(StringComparer.Ordinal);

    public ThemeTemplates(JsonObject? overrides)
    {
        _sources = new Dictionary<string, string>(s_defaults.Value, StringComparer.Ordinal);
        Overridden = [];
        Overrides = (JsonObject?)overrides?.DeepClone() ?? [];
        foreach (var (name, template) in overrides ?? [])
        {
            // A broken override never reaches the site: the theme's template stays (the Templates step refuses it too).
            if (ItemReader.String(template?["Content"]) is { Length: > 0 } source && s_parser.TryParse(source, out _, out _))
            {
                _sources[name] = source;
                Overridden.Add(name);
            }
        }

        Options = CreateOptions(_sources);
    }

    /// <summary>The theme's own templates by name: what a tenant can override.</summary>
    public static IReadOnlyDictionary<string, string> Defaults => s_defaults.Value;

    /// <summary>The practice's templates document as it was given (a preview merges a candidate into it).</summary>
    public JsonObject Overrides { get; }

    /// <summary>The names this tenant overrides.</summary>
    public HashSet<string> Overridden { get; }

    /// <summary>Null when the source parses; otherwise Fluid's message, which names the line and column.</summary>
    public static string? Check(string source) => s_parser.TryParse(source, out _, out var error) ? null : error;

    public TemplateOptions Options { get; }

    public IFluidTemplate Get(string name) => _parsed.GetOrAdd(name, n =>
        _sources.TryGetValue(n, out var source) ? s_parser.Parse(source) : throw new InvalidOperationException($"The theme has no template '{n}'."));

    public async Task<string> RenderAsync(string name, TemplateContext context) => await Get(name).RenderAsync(context, HtmlEncoder.Default);

    /// <summary>The theme without any practice's overrides: what a page falls back to when an override fails while rendering.</summary>
    public static ThemeTemplates ThemeOnly { get; } = new(null);

    private static TemplateOptions CreateOptions(Dictionary<string, string> sources)
    {
        var options = new TemplateOptions { FileProvider = new SourceFiles(sources) };
        foreach (var type in typeof(PracticeSite).Assembly.GetTypes().Where(t => t.Namespace == typeof(PracticeSite).Namespace && t.IsPublic))
        {
            options.MemberAccessStrategy.Register(type);
        }

        options.MemberAccessStrategy.Register<PageInfo>();
        options.MemberAccessStrategy.Register<RequestInfo>();
        options.Filters.AddFilter("href", (input, _, context) => new StringValue(Request(context).Href(input.ToStringValue())));
        options.Filters.AddFilter("absolute_url", (input, _, context) => new StringValue(Request(context).Absolute(input.ToStringValue())));
        return options;
    }

    private static RequestInfo Request(TemplateContext context) => (RequestInfo)context.GetValue("Request").ToObjectValue();

    private static Dictionary<string, string> ReadDefaults()
    {
        var assembly = typeof(ThemeTemplates).Assembly;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Templates.", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            result[resource["Templates.".Length..]] = reader.ReadToEnd();
        }

        return result;
    }

    /// <summary>Partials by name, for Fluid's render and include tags.</summary>
    private sealed class SourceFiles(Dictionary<string, string> sources) : IFileProvider
    {
        private static readonly DateTimeOffset s_loaded = DateTimeOffset.UtcNow;

        public IFileInfo GetFileInfo(string subpath)
        {
            var name = Path.GetFileNameWithoutExtension(subpath.TrimStart('/'));
            return sources.TryGetValue(name, out var source) ? new SourceFile(name, source) : new NotFoundFileInfo(subpath);
        }

        public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

        public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

        private sealed class SourceFile(string name, string source) : IFileInfo
        {
            private readonly byte[] _bytes = System.Text.Encoding.UTF8.GetBytes(source);

            public bool Exists => true;

            public long Length => _bytes.Length;

            public string? PhysicalPath => null;

            public string Name => name + ".liquid";

            public DateTimeOffset LastModified => s_loaded;

            public bool IsDirectory => false;

            public Stream CreateReadStream() => new MemoryStream(_bytes, writable: false);
        }
    }
}

/// <summary>The request a page is rendered for: its links are made relative to the tenant's prefix and origin.</summary>
public sealed partial class RequestInfo
{
    public required string Base { get; init; }

    public required string Origin { get; init; }

    public required string Path { get; init; }

    public string Href(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? Base + (url == "/" && Base.Length > 0 ? "/" : url) : url;

    public string Absolute(string url) => url.StartsWith('/') ? Origin + Href(url) : url;

    /// <summary>
    /// Rendered Markdown or HTML with its site links (href="/..." and src="/...") under the practice's prefix:
    /// bodies are rendered once on save, without knowing where the practice is served.
    /// </summary>
    public string? Rebase(string? html) =>
        html is null || Base.Length == 0 ? html : SiteLink().Replace(html, "$1" + Base + "/");

    [System.Text.RegularExpressions.GeneratedRegex("""(\s(?:href|src)=")/(?!/)""")]
    private static partial System.Text.RegularExpressions.Regex SiteLink();
}

/// <summary>What the layout needs to know about the page inside it: title, description, canonical URL, social and structured data.</summary>
public sealed class PageInfo
{
    public required string Title { get; init; }

    public string? Description { get; init; }

    /// <summary>Site path of the canonical URL (with ?page=N where it matters).</summary>
    public required string Canonical { get; init; }

    /// <summary>OpenGraph type: website, article or profile.</summary>
    public string OgType { get; init; } = "website";

    public ImageModel? Image { get; init; }

    /// <summary>The schema.org JSON-LD, ready for a script element.</summary>
    public string? JsonLd { get; init; }

    /// <summary>The menu entry to mark as current: home, articles, series, counselors, contact.</summary>
    public string? Section { get; init; }

    /// <summary>Feeds to advertise in the head: (title, path).</summary>
    public IReadOnlyList<LinkModel> Feeds { get; init; } = [];

    public bool NoIndex { get; init; }
}
