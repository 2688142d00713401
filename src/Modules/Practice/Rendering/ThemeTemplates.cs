using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using Cms.Liquid;
using Cms.Media;
using Cms.Practice.Site;
using Fluid;
using Fluid.Values;

namespace Cms.Practice.Rendering;

/// <summary>
/// A tenant's theme templates: the Practice module's Liquid templates, each replaced by the tenant's own
/// template of the same name (the <c>Templates</c> recipe step) when that one parses. Parsed once per
/// tenant runtime; partials (<c>{% render 'article-card' %}</c>) resolve the same way. Rendered within
/// <see cref="LiquidLimits.Pages"/>.
/// </summary>
internal sealed class ThemeTemplates
{
    private static readonly FluidParser s_parser = new();
    private static readonly Lazy<IReadOnlyDictionary<string, string>> s_defaults = new(ReadDefaults);
    private static readonly Type[] s_modelTypes =
    [
        .. typeof(PracticeSite).Assembly.GetTypes().Where(t => t.Namespace == typeof(PracticeSite).Namespace && t.IsPublic),
        typeof(PageInfo),
        typeof(RequestInfo),
    ];

    private readonly Dictionary<string, string> _sources;
    private readonly ConcurrentDictionary<string, IFluidTemplate> _parsed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _setAside = new(StringComparer.Ordinal);

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

        Options = LiquidLimits.Pages.CreateOptions(s_modelTypes, builder => builder
            .WithFileProvider(new TemplateSources(_sources))
            .AddFilter("href", (input, _, context) => Href(Request(context), input.ToStringValue(context)))
            .AddFilter("srcset", async (input, _, context) => StringValue.Create(await Request(context).SrcsetAsync(input.ToStringValue(context))))
            .AddFilter("absolute_url", async (input, _, context) => StringValue.Create(await Request(context).VersionedAbsoluteAsync(input.ToStringValue(context))))
            .AddFilter("aria_current", (input, arguments, context) => StringValue.Create(AriaCurrent(input.ToStringValue(context), arguments.At(0).ToStringValue(context)))));
    }

    /// <summary>The stored overrides with candidates in place of theirs (or added): what a preview and a trial render use.</summary>
    public static ThemeTemplates With(JsonObject stored, IReadOnlyDictionary<string, string> candidates)
    {
        var overrides = (JsonObject)stored.DeepClone();
        foreach (var (name, source) in candidates)
        {
            overrides[name] = new JsonObject { ["Content"] = source };
        }

        return new ThemeTemplates(overrides);
    }

    /// <summary>The theme's own templates by name: what a tenant can override.</summary>
    public static IReadOnlyDictionary<string, string> Defaults => s_defaults.Value;

    /// <summary>The theme without any practice's overrides: what a page falls back to when an override fails while rendering.</summary>
    public static ThemeTemplates ThemeOnly { get; } = new(null);

    /// <summary>The practice's templates document as it was given (a preview merges a candidate into it).</summary>
    public JsonObject Overrides { get; }

    /// <summary>The names this tenant overrides.</summary>
    public HashSet<string> Overridden { get; }

    public TemplateOptions Options { get; }

    /// <summary>Null when the source parses; otherwise Fluid's message, which names the line and column.</summary>
    public static string? Check(string source) => s_parser.TryParse(source, out _, out var error) ? null : error;

    public IFluidTemplate Get(string name) => _parsed.GetOrAdd(name, n =>
        _sources.TryGetValue(n, out var source) ? s_parser.Parse(source) : throw new InvalidOperationException($"The theme has no template '{n}'."));

    public async Task<string> RenderAsync(string name, TemplateContext context) => await Get(name).RenderAsync(context, HtmlEncoder.Default);

    /// <summary>
    /// Whether the pages of this template are rendered with the theme's own templates: the practice's failed on one
    /// of them live. It stays so until the runtime is rebuilt (a template, content or settings change), so a failing
    /// template costs one render and one log line, not one per request.
    /// </summary>
    public bool IsSetAside(string template) => _setAside.ContainsKey(template);

    /// <summary>Sets the practice's templates aside for this page template; false when they already were.</summary>
    public bool SetAside(string template) => _setAside.TryAdd(template, true);

    /// <summary>
    /// How a navigation link to <paramref name="url"/> marks itself on the page at <paramref name="canonical"/>: <c>page</c>
    /// on the page itself, <c>true</c> on a page under it (an article under Articles), nothing elsewhere.
    /// </summary>
    public static string AriaCurrent(string url, string canonical)
    {
        if (!url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal))
        {
            return "";
        }

        var path = canonical.Split('?', 2)[0];
        var link = url.Split(['?', '#'], 2)[0].TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/";
        return string.Equals(path, link, StringComparison.OrdinalIgnoreCase) ? "page"
            : link != "/" && path.StartsWith(link + "/", StringComparison.OrdinalIgnoreCase) ? "true"
            : "";
    }

    // Most links of a page are not images: they are answered without the work of an asynchronous call.
    private static ValueTask<FluidValue> Href(RequestInfo request, string url) =>
        RequestInfo.IsMediaPath(url) ? HrefAsync(request, url) : new(StringValue.Create(request.Href(url)));

    private static async ValueTask<FluidValue> HrefAsync(RequestInfo request, string url) => StringValue.Create(await request.VersionedHrefAsync(url));

    private static RequestInfo Request(TemplateContext context) => (RequestInfo)context.GetValue("Request").ToObjectValue(context);

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
}

/// <summary>The request a page is rendered for: its links are made relative to the tenant's prefix and origin.</summary>
public sealed partial class RequestInfo
{
    private static readonly Task<MediaImage?> s_notAnImage = Task.FromResult<MediaImage?>(null);

    public required string Base { get; init; }

    public required string Origin { get; init; }

    public required string Path { get; init; }

    /// <summary>A site path (<c>/fees</c>, or <c>~/fees</c> as Orchard writes it) under the practice's prefix; any other address as it is.</summary>
    public string Href(string url) =>
        url.StartsWith("~/", StringComparison.Ordinal) ? Href(url[1..])
        : url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) ? Base + (url == "/" && Base.Length > 0 ? "/" : url) : url;

    public string Absolute(string url) => url.StartsWith('/') || url.StartsWith("~/", StringComparison.Ordinal) ? Origin + Href(url) : url;

    /// <summary>The library's image at a <c>/media/…</c> path (read for its version and size), or null for any other address.</summary>
    internal Func<string, Task<MediaImage?>>? Media { get; init; }

    /// <summary>
    /// <see cref="Href"/>, and for an image of the media library its version as well (<c>?v=…</c>): that URL changes when
    /// the file does, so it is served to be kept for a year.
    /// </summary>
    public async ValueTask<string> VersionedHrefAsync(string url) =>
        await DescribeAsync(url) is { } image ? VersionedHref(image) : Href(url);

    /// <summary><see cref="Absolute"/>, with an image's version as <see cref="VersionedHrefAsync"/> gives it (a shared page's picture).</summary>
    public async ValueTask<string> VersionedAbsoluteAsync(string url) =>
        url.StartsWith('/') || url.StartsWith("~/", StringComparison.Ordinal) ? Origin + await VersionedHrefAsync(url) : url;

    /// <summary>
    /// The candidates of an <c>srcset</c> for an image of the media library: its resized copies narrower than it
    /// (<see cref="MediaImages.Widths"/>), then the image itself, each with its width; any other address as it is.
    /// </summary>
    public async ValueTask<string> SrcsetAsync(string url) => await DescribeAsync(url) is { } image ? Srcset(image) : Href(url);

    private string VersionedHref(MediaImage image) => $"{MediaHref(image)}?v={image.Version}";

    private string Srcset(MediaImage image)
    {
        var href = MediaHref(image);
        var narrower = image.Resizable ? MediaImages.Widths.Where(w => w < image.Width) : [];
        return string.Join(", ", [.. narrower.Select(w => $"{href}?w={w}&v={image.Version} {w}w"), $"{href}?v={image.Version} {image.Width}w"]);
    }

    // Escaped, so that a name with a space or a comma stays one candidate of an srcset.
    private string MediaHref(MediaImage image) => Href(MediaImages.SitePath(image.Path));

    /// <summary>Whether the address is one of the media library's files (<c>/media/…</c> or <c>~/media/…</c>, without a query).</summary>
    internal static bool IsMediaPath(string url)
    {
        var path = url.StartsWith("~/", StringComparison.Ordinal) ? url.AsSpan(1) : url.AsSpan();
        return path.StartsWith("/media/", StringComparison.Ordinal) && path.IndexOfAny('?', '#') < 0;
    }

    private Task<MediaImage?> DescribeAsync(string url) =>
        Media is not null && IsMediaPath(url)
            ? Media(Uri.UnescapeDataString(url[(url.IndexOf("/media/", StringComparison.Ordinal) + "/media/".Length)..]))
            : s_notAnImage;

    /// <summary>A rendered body's site links under the practice's prefix (<see cref="Cms.Content.LinkAddresses.Rebase"/>).</summary>
    public string? Rebase(string? html) => html is null ? null : Cms.Content.LinkAddresses.Rebase(html, Base, Prefix);

    /// <summary>The practice's own URL prefix (<c>riverbend</c>), however this request reached it; null when it has none.</summary>
    internal string? Prefix { get; init; }

    /// <summary>
    /// A rendered body as a page shows it: its site links under the prefix (<see cref="Rebase"/>), and each image of the
    /// media library linked as the theme's own images are, with its version, its copies (<c>srcset</c>, at most the
    /// body's width) and, unless the body gives them, its width and height, so the text does not jump as it loads.
    /// </summary>
    public async Task<string?> BodyAsync(string? html)
    {
        var rebased = Rebase(html);
        if (rebased is null || Media is null)
        {
            return rebased;
        }

        var media = Base + "/media/";
        var result = new System.Text.StringBuilder(rebased.Length + 256);
        var copied = 0;
        foreach (System.Text.RegularExpressions.Match tag in BodyImage().Matches(rebased))
        {
            var src = tag.Groups["src"];
            var address = System.Net.WebUtility.HtmlDecode(src.Value);
            var sitePath = address.StartsWith(media, StringComparison.Ordinal) ? address[Base.Length..] : null;
            if (sitePath is null || tag.Value.Contains(" srcset=", StringComparison.OrdinalIgnoreCase) || await DescribeAsync(sitePath) is not { } image)
            {
                continue;
            }

            var linked = $"{System.Net.WebUtility.HtmlEncode(VersionedHref(image))}\" srcset=\"{System.Net.WebUtility.HtmlEncode(Srcset(image))}\" sizes=\"{BodyImageSizes}";
            var rest = tag.Value[(src.Index + src.Length - tag.Index)..].TrimEnd('>').TrimEnd('/').TrimEnd();
            var sized = tag.Value.Contains(" width=", StringComparison.OrdinalIgnoreCase) ? "" : $" width=\"{image.Width}\" height=\"{image.Height}\"";
            result.Append(rebased, copied, src.Index - copied).Append(linked).Append(rest).Append(sized).Append('>');
            copied = tag.Index + tag.Length;
        }

        return copied == 0 ? rebased : result.Append(rebased, copied, rebased.Length - copied).ToString();
    }

    // A body's images are at most its column, the measure (68ch, about 42rem), and the phone's width less the margins.
    private const string BodyImageSizes = "(max-width: 46rem) calc(100vw - 2.5rem), 42rem";

    [System.Text.RegularExpressions.GeneratedRegex("""<img\b[^>]*?\ssrc="(?<src>[^"]*)"[^>]*>""", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex BodyImage();
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
