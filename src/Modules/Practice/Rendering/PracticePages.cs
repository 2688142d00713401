using System.Buffers;
using System.Security.Cryptography;
using Cms.Practice.Site;
using Cms.Practice.Views;
using Cms.Security;
using Cms.Tenancy;
using Cms.Themes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Cms.Practice.Rendering;

/// <summary>
/// Serves a practice's public site: finds the page for the path, renders it with the tenant's templates
/// (or takes it from the tenant's page cache), counts article reads, and serves media and the stylesheet.
/// </summary>
internal sealed class PracticePages
{
    internal const string Html = "text/html; charset=utf-8";

    // The most of a page written before it is sent: a page fits, a sitemap of 50,000 addresses goes in pieces.
    private const int FlushBytes = 64 * 1024;

    private static readonly string[] s_queryKeys = ["page", "specialty", "status", "telehealth"];
    private static readonly Lazy<(byte[] Bytes, string Version)> s_stylesheet = new(ReadStylesheet);

    private readonly ViewCounter _views;
    private readonly Cms.Media.MediaImages _images;
    private readonly IOptions<PracticeOptions> _options;
    private readonly PublicOrigin _origin;
    private readonly ILogger<PracticePages> _logger;

    public PracticePages(ViewCounter views, Cms.Media.MediaImages images, IOptions<PracticeOptions> options, PublicOrigin origin, ILogger<PracticePages> logger)
    {
        _views = views;
        _images = images;
        _options = options;
        _origin = origin;
        _logger = logger;
    }

    public static string StylesheetUrl => "/theme/site.css?v=" + s_stylesheet.Value.Version;

    public async Task HandleAsync(HttpContext context)
    {
        var tenant = context.GetTenant();
        var path = (context.Request.Path.Value ?? "").Trim('/');
        if (path.StartsWith("media/", StringComparison.OrdinalIgnoreCase))
        {
            await ServeMediaAsync(context, tenant, path["media/".Length..]);
            return;
        }

        if (path == "theme/site.css")
        {
            await ServeStylesheetAsync(context);
            return;
        }

        var theme = Theme(tenant);
        // Keyed by the origin the page's links name, not the Host header: made-up names share one entry.
        var request = Request(context, tenant, path);
        var key = $"{request.Origin}{context.Request.PathBase}/{path}{CacheQuery(context.Request)}";
        if (!theme.Cache.TryGet(key, out var page))
        {
            // Read before the site: a change evicting pages after this point keeps this render out of the cache.
            var generation = theme.Cache.Generation;
            var (site, templates) = await theme.LoadAsync();
            var writeMark = _views.WriteMark;
            var builder = new PageBuilder(tenant, site, templates, request, context.Request.Query) { FallbackLog = _logger, UrlsPerSitemap = _options.Value.UrlsPerSitemap };
            page = await builder.BuildAsync(path, context.RequestAborted);
            if (page.ViewedItem is { } viewed && builder.StoredViews is { } stored)
            {
                // Read with the body: showing the count needs no read of its own.
                _views.Remember(tenant, viewed, stored, writeMark);
            }

            if (page.StatusCode == StatusCodes.Status200OK)
            {
                theme.Cache.Add(key, page, generation);
            }
        }

        await WriteAsync(context, tenant, page);
    }

    /// <summary>The page at the path rendered with candidate templates over the practice's own, not cached, for the admin's preview.</summary>
    public async Task<TemplatePreview> PreviewAsync(HttpContext context, IReadOnlyDictionary<string, string> candidates, string path)
    {
        var tenant = context.GetTenant();
        var (site, stored) = await Theme(tenant).LoadAsync();
        var trimmed = path.Trim('/');
        try
        {
            var (status, html) = await RenderUncachedAsync(context, new PageBuilder(tenant, site, ThemeTemplates.With(stored.Overrides, candidates), Request(context, tenant, trimmed), new QueryCollection()), trimmed);
            return new TemplatePreview(status, html);
        }
        catch (TemplateFailedException e)
        {
            return new TemplatePreview(StatusCodes.Status500InternalServerError, "", $"While rendering /{trimmed}, the templates {e.Reason}.");
        }
    }

    /// <summary>Renders a page of each kind of the practice's site with candidate templates over its own, before they are stored.</summary>
    public async Task<IReadOnlyList<TemplateRefusal>> TrialAsync(TenantRuntime tenant, IReadOnlyDictionary<string, string> candidates, CancellationToken cancellationToken)
    {
        var (site, stored) = await Theme(tenant).LoadAsync();
        return await new TemplateTrial(tenant, site, stored.Overrides).RunAsync(candidates, cancellationToken);
    }

    /// <summary>
    /// An item's page as the public site will show it once its draft is published: the site model and the body come
    /// from its latest version. Null when the item has no page of its own (no route, or a type without one).
    /// </summary>
    public async Task<(int StatusCode, string Html)?> PreviewItemAsync(HttpContext context, string contentItemId)
    {
        var tenant = context.GetTenant();
        var (_, templates) = await Theme(tenant).LoadAsync();
        var site = await PracticeSiteLoader.LoadAsync(tenant, context.RequestAborted, contentItemId);
        var route = site.Routes.FirstOrDefault(r => r.Value switch
        {
            ArticleModel a => a.Id == contentItemId,
            SeriesModel s => s.Id == contentItemId,
            CounselorModel c => c.Id == contentItemId,
            PageModel p => p.Id == contentItemId,
            _ => false,
        }).Key?.TrimStart('/');
        if (route is null)
        {
            return null;
        }

        // The draft's page as readers would get it: a template that fails on it falls back as it would live.
        return await RenderUncachedAsync(context, new PageBuilder(tenant, site, templates, Request(context, tenant, route), new QueryCollection(), contentItemId) { FallbackLog = _logger }, route);
    }

    // A page for the admin's previews: rendered for this request, never cached, the view count left at zero.
    private static async Task<(int StatusCode, string Html)> RenderUncachedAsync(HttpContext context, PageBuilder builder, string path)
    {
        var page = await builder.BuildAsync(path, context.RequestAborted);
        return (page.StatusCode, string.Join(CachedPage.Views(0), page.Segments.Select(System.Text.Encoding.UTF8.GetString)));
    }

    private RequestInfo Request(HttpContext context, TenantRuntime tenant, string path) => new()
    {
        Base = context.Request.PathBase.Value ?? "",
        Origin = _origin.Of(context),
        Path = "/" + path,
        Prefix = tenant.Settings.Prefix,
        Media = media => Theme(tenant).ImageAsync(media, path => _images.DescribeAsync(tenant.Settings, path, context.RequestAborted)),
    };

    private PracticeTheme Theme(TenantRuntime tenant) => tenant.State(t => new PracticeTheme(t, _options.Value.PageCacheBytes));

    private async Task WriteAsync(HttpContext context, TenantRuntime tenant, CachedPage page)
    {
        var response = context.Response;
        response.StatusCode = page.StatusCode;
        response.ContentType = page.ContentType;
        response.Headers.XContentTypeOptions = "nosniff";
        // Pages, feeds and sitemaps alike: kept by a browser or a CDN, but asked about (cheaply, with the tag) on each use.
        response.Headers.CacheControl = "no-cache";
        if (page.ContentType == Html)
        {
            response.Headers.ContentSecurityPolicy = ContentSecurityPolicies.PublicSite;
            response.Headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        }

        long? count = null;
        if (page.ViewedItem is { } item)
        {
            // Before any 304: a reader who revalidates has read the article again.
            _views.Record(tenant.Settings, item, context);
            count = await _views.CountAsync(tenant, item, context.RequestAborted);
        }

        if (page.StatusCode == StatusCodes.Status200OK)
        {
            var etag = page.ETag(count);
            response.Headers.ETag = etag;
            if (IsCurrent(context.Request, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }

        var viewBytes = System.Text.Encoding.UTF8.GetBytes(count is { } views ? CachedPage.Views(views) : "");
        response.ContentLength = page.Length + (viewBytes.Length * (page.Segments.Length - 1));
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        // Into the response's buffer, sent by the flush: a write to the body stream is sent at once, and the sends were
        // the largest part of a cached page's CPU in a trace (issue 12, item 4). A big sitemap goes in pieces.
        var body = response.BodyWriter;
        for (var i = 0; i < page.Segments.Length; i++)
        {
            if (i > 0)
            {
                body.Write(viewBytes);
            }

            for (var sent = 0; sent < page.Segments[i].Length; sent += FlushBytes)
            {
                body.Write(page.Segments[i].AsSpan(sent, Math.Min(FlushBytes, page.Segments[i].Length - sent)));
                if (body.UnflushedBytes >= FlushBytes)
                {
                    await body.FlushAsync(context.RequestAborted);
                }
            }
        }

        await body.FlushAsync(context.RequestAborted);
    }

    // An image of the library, or a resized copy of it (?w=, one of MediaImages.Widths). Pages link it with its version
    // (?v=): a URL naming the current version is kept for a year, since a replaced file gets a new one; any other is
    // asked about on each use (a 304 by its tag), so a replaced file shows at once where it is linked without one.
    private async Task ServeMediaAsync(HttpContext context, TenantRuntime tenant, string relative)
    {
        var path = Uri.UnescapeDataString(relative);
        int? width = null;
        if (context.Request.Query.TryGetValue("w", out var asked))
        {
            if (!int.TryParse(asked, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var wanted) || !Cms.Media.MediaImages.Widths.Contains(wanted))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            width = wanted;
        }

        if (Cms.Media.AcceptedMedia.CheckName(path) is not null
            || await _images.OpenAsync(tenant.Settings, path, width, context.RequestAborted) is not { } served)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var current = served.Image is { } image && context.Request.Query["v"] == image.Version;
        context.Response.Headers.CacheControl = current ? "public, max-age=31536000, immutable" : "no-cache";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var tag = served.ETag is { } etag ? new EntityTagHeaderValue(etag) : null;
        await Results.File(served.FilePath, served.Entry.ContentType, enableRangeProcessing: true, lastModified: served.Entry.ModifiedUtc, entityTag: tag).ExecuteAsync(context);
    }

    private static async Task ServeStylesheetAsync(HttpContext context)
    {
        var (bytes, version) = s_stylesheet.Value;
        context.Response.ContentType = "text/css; charset=utf-8";
        context.Response.Headers.CacheControl = context.Request.Query["v"] == version ? "public, max-age=31536000, immutable" : "no-cache";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    // If-None-Match names the tag the page has now (compared weakly, as RFC 9110 has it for this header).
    private static bool IsCurrent(HttpRequest request, string etag)
    {
        if (request.Headers.IfNoneMatch.Count == 0 || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(etag);
        return request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }

    // Only the parameters pages read are part of the cache key, so made-up query strings cannot fill the cache.
    private static string CacheQuery(HttpRequest request)
    {
        var parts = s_queryKeys.Where(request.Query.ContainsKey)
            .SelectMany(k => request.Query[k].Select(v => $"{k}={Uri.EscapeDataString(v ?? "")}").Order(StringComparer.Ordinal));
        var query = string.Join('&', parts);
        return query.Length == 0 ? "" : "?" + query;
    }

    private static (byte[], string) ReadStylesheet()
    {
        using var stream = typeof(PracticePages).Assembly.GetManifestResourceStream("Assets.site.css")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        return (bytes, Convert.ToHexStringLower(SHA256.HashData(bytes))[..12]);
    }
}

/// <summary>Settings of the public site (<c>Cms:Practice</c>).</summary>
public sealed class PracticeOptions
{
    public const string Section = "Cms:Practice";

    /// <summary>Rendered pages kept per active tenant, in bytes.</summary>
    public long PageCacheBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>
    /// The most URLs in one sitemap file, at most sitemaps.org's 50,000; a practice with more gets a sitemap index at
    /// /sitemap.xml naming /sitemap-1.xml, /sitemap-2.xml… Lowered by tests to reach the index without 50,000 items.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, Feeds.UrlsPerSitemap, ErrorMessage = "Cms:Practice:UrlsPerSitemap must be between 1 and 50,000 (the sitemaps.org limit per file).")]
    public int UrlsPerSitemap { get; set; } = Feeds.UrlsPerSitemap;
}
