using System.Security.Cryptography;
using Cms.Practice.Site;
using Cms.Practice.Views;
using Cms.Tenancy;
using Fluid;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;

namespace Cms.Practice.Rendering;

/// <summary>
/// Serves a practice's public site: finds the page for the path, renders it with the tenant's templates
/// (or takes it from the tenant's page cache), counts article reads, and serves media and the stylesheet.
/// </summary>
internal sealed class PracticePages
{
    private const string Html = "text/html; charset=utf-8";

    // Security headers of every public page: no script or style from anywhere but the site itself.
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    private static readonly string[] s_queryKeys = ["page", "specialty", "status", "telehealth"];
    private static readonly HashSet<string> s_imageTypes = new(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif" };
    private static readonly FileExtensionContentTypeProvider s_contentTypes = new();
    private static readonly Lazy<(byte[] Bytes, string Version)> s_stylesheet = new(ReadStylesheet);

    private readonly ViewCounter _views;
    private readonly Cms.Data.CmsDatabase _database;
    private readonly IOptions<PracticeOptions> _options;

    public PracticePages(ViewCounter views, Cms.Data.CmsDatabase database, IOptions<PracticeOptions> options)
    {
        _views = views;
        _database = database;
        _options = options;
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

        var theme = tenant.State(t => new PracticeTheme(t, _options.Value.PageCacheBytes));
        var key = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/{path}{CacheQuery(context.Request)}";
        if (!theme.Cache.TryGet(key, out var page))
        {
            var (site, templates) = await theme.LoadAsync();
            var request = new RequestInfo
            {
                Base = context.Request.PathBase.Value ?? "",
                Origin = $"{context.Request.Scheme}://{context.Request.Host}",
                Path = "/" + path,
            };
            page = await new PageBuilder(tenant, site, templates, request, context.Request.Query).BuildAsync(path, context.RequestAborted);
            if (page.StatusCode == StatusCodes.Status200OK)
            {
                theme.Cache.Add(key, page);
            }
        }

        await WriteAsync(context, tenant, page);
    }

    /// <summary>The page at the path rendered with candidate templates over the practice's own, not cached, for the admin's preview.</summary>
    public async Task<(int StatusCode, string Html)> PreviewAsync(HttpContext context, IReadOnlyDictionary<string, string> candidates, string path)
    {
        var tenant = context.GetTenant();
        var (site, stored) = await tenant.State(t => new PracticeTheme(t, _options.Value.PageCacheBytes)).LoadAsync();
        var overrides = (System.Text.Json.Nodes.JsonObject)stored.Overrides.DeepClone();
        foreach (var (name, source) in candidates)
        {
            overrides[name] = new System.Text.Json.Nodes.JsonObject { ["Content"] = source };
        }

        var request = new RequestInfo { Base = context.Request.PathBase.Value ?? "", Origin = $"{context.Request.Scheme}://{context.Request.Host}", Path = "/" + path.Trim('/') };
        var page = await new PageBuilder(tenant, site, new ThemeTemplates(overrides), request, new QueryCollection()).BuildAsync(path.Trim('/'), context.RequestAborted);
        var html = string.Join(CachedPage.Views(0), page.Segments.Select(System.Text.Encoding.UTF8.GetString));
        return (page.StatusCode, html);
    }

    /// <summary>
    /// An item's page as the public site will show it once its draft is published: the site model and the body come
    /// from its latest version. Null when the item has no page of its own (no route, or a type without one).
    /// </summary>
    public async Task<(int StatusCode, string Html)?> PreviewItemAsync(HttpContext context, string contentItemId)
    {
        var tenant = context.GetTenant();
        var (_, templates) = await tenant.State(t => new PracticeTheme(t, _options.Value.PageCacheBytes)).LoadAsync();
        var site = await PracticeSiteLoader.LoadAsync(tenant, context.RequestAborted, contentItemId);
        var route = site.Routes.FirstOrDefault(r => r.Value switch
        {
            ArticleModel a => a.Id == contentItemId,
            SeriesModel s => s.Id == contentItemId,
            CounselorModel c => c.Id == contentItemId,
            PageModel p => p.Id == contentItemId,
            _ => false,
        }).Key;
        if (route is null)
        {
            return null;
        }

        var request = new RequestInfo { Base = context.Request.PathBase.Value ?? "", Origin = $"{context.Request.Scheme}://{context.Request.Host}", Path = "/" + route };
        var page = await new PageBuilder(tenant, site, templates, request, new QueryCollection(), contentItemId).BuildAsync(route, context.RequestAborted);
        return (page.StatusCode, string.Join(CachedPage.Views(0), page.Segments.Select(System.Text.Encoding.UTF8.GetString)));
    }

    private async Task WriteAsync(HttpContext context, TenantRuntime tenant, CachedPage page)
    {
        var response = context.Response;
        response.StatusCode = page.StatusCode;
        response.ContentType = page.ContentType;
        response.Headers.XContentTypeOptions = "nosniff";
        if (page.ContentType == Html)
        {
            response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            response.Headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            response.Headers.CacheControl = "no-cache";
        }

        var views = "";
        if (page.ViewedItem is { } item)
        {
            _views.Record(tenant.Name, item, context);
            views = CachedPage.Views(await _views.CountAsync(tenant, item, context.RequestAborted));
        }

        var viewBytes = System.Text.Encoding.UTF8.GetBytes(views);
        response.ContentLength = page.Length + (viewBytes.Length * (page.Segments.Length - 1));
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        for (var i = 0; i < page.Segments.Length; i++)
        {
            if (i > 0)
            {
                await response.Body.WriteAsync(viewBytes, context.RequestAborted);
            }

            await response.Body.WriteAsync(page.Segments[i], context.RequestAborted);
        }
    }

    private async Task ServeMediaAsync(HttpContext context, TenantRuntime tenant, string relative)
    {
        var root = Path.GetFullPath(Path.Combine(_database.TenantFolder(tenant.Name), "Media")) + Path.DirectorySeparatorChar;
        var file = Path.GetFullPath(Path.Combine(root, Uri.UnescapeDataString(relative)));
        if (!file.StartsWith(root, StringComparison.Ordinal) || !s_imageTypes.Contains(Path.GetExtension(file)) || !File.Exists(file)
            || !s_contentTypes.TryGetContentType(file, out var contentType))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.Headers.CacheControl = "public, max-age=86400";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        await Results.File(file, contentType, enableRangeProcessing: true, lastModified: File.GetLastWriteTimeUtc(file)).ExecuteAsync(context);
    }

    private static async Task ServeStylesheetAsync(HttpContext context)
    {
        var (bytes, version) = s_stylesheet.Value;
        context.Response.ContentType = "text/css; charset=utf-8";
        context.Response.Headers.CacheControl = context.Request.Query["v"] == version ? "public, max-age=31536000, immutable" : "no-cache";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
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

    /// <summary>Renders one request's page: picks the template and model for the path.</summary>
    private sealed class PageBuilder(TenantRuntime tenant, PracticeSite site, ThemeTemplates templates, RequestInfo request, IQueryCollection query, string? previewId = null)
    {
        private const int RecentCount = 3;
        private const int ArticlesPerPage = 10;

        public async Task<CachedPage> BuildAsync(string path, CancellationToken cancellationToken)
        {
            switch (path)
            {
                case "":
                    return await HomeAsync(cancellationToken);
                case "articles":
                    return await ArticleListAsync();
                case "series":
                    return await RenderAsync("series-index", new PageInfo { Title = "Series", Canonical = "/series", Section = "series", Description = $"Multi-part article series from {site.Practice.Name}." });
                case "counselors":
                    return await DirectoryAsync();
                case "topics":
                    return await RenderAsync("topics", new PageInfo { Title = "Topics", Canonical = "/topics", Section = "articles" });
                case "feed.xml" or "atom.xml":
                    return FeedPage(site.Practice.Name, "/", site.Articles, path == "atom.xml");
                case "sitemap.xml":
                    return CachedPage.Create(Feeds.Sitemap(request, site), "application/xml; charset=utf-8");
                case "robots.txt":
                    return CachedPage.Create(Feeds.Robots(request), "text/plain; charset=utf-8");
            }

            if (path.StartsWith("topics/", StringComparison.Ordinal) && site.FindTopic(path["topics/".Length..]) is { } topic)
            {
                var values = new Dictionary<string, object?> { ["Topic"] = topic, ["Articles"] = topic.Articles };
                return await RenderAsync("topic", new PageInfo { Title = topic.Name, Canonical = topic.Url, Section = "articles", Feeds = [Rss(topic.Name, topic.Url)] }, values);
            }

            if (path.EndsWith("/feed.xml", StringComparison.Ordinal) || path.EndsWith("/atom.xml", StringComparison.Ordinal))
            {
                var owner = path[..path.LastIndexOf('/')];
                var atom = path.EndsWith("/atom.xml", StringComparison.Ordinal);
                switch (site.Routes.GetValueOrDefault(owner) ?? (object?)site.FindTopic(owner.Replace("topics/", "", StringComparison.Ordinal)))
                {
                    case SeriesModel s:
                        return FeedPage($"{s.Title} · {site.Practice.Name}", s.Url, s.Parts.AsEnumerable().Reverse(), atom);
                    case CounselorModel c:
                        return FeedPage($"{c.NameWithCredentials} · {site.Practice.Name}", c.Url, c.Articles, atom);
                    case TopicModel t when owner.StartsWith("topics/", StringComparison.Ordinal):
                        return FeedPage($"{t.Name} · {site.Practice.Name}", t.Url, t.Articles, atom);
                }
            }

            return site.Routes.GetValueOrDefault(path) switch
            {
                ArticleModel article => await ArticleAsync(article, cancellationToken),
                SeriesModel series => await SeriesAsync(series),
                CounselorModel counselor => await CounselorAsync(counselor, cancellationToken),
                PageModel page => await PageAsync(page, cancellationToken),
                _ => await RenderAsync("not-found", new PageInfo { Title = "Page not found", Canonical = request.Path, NoIndex = true }, statusCode: StatusCodes.Status404NotFound),
            };
        }

        private async Task<CachedPage> HomeAsync(CancellationToken cancellationToken)
        {
            var intro = site.HomePage is { } home ? await BodyAsync(home.Id, cancellationToken) : null;
            var values = new Dictionary<string, object?>
            {
                ["Intro"] = intro,
                ["RecentArticles"] = site.Articles.Take(6).ToList(),
                ["FeaturedSeries"] = site.Series.Count > 0 ? site.Series[0] : null,
            };
            return await RenderAsync("home", new PageInfo
            {
                Title = site.Practice.Name,
                Description = site.Practice.Tagline ?? $"{site.Practice.Name}: counseling and psychotherapy{(site.Practice.Place.Length > 0 ? " in " + site.Practice.Place : "")}.",
                Canonical = "/",
                Section = "home",
                Feeds = [Rss(site.Practice.Name, "")],
            }, values);
        }

        private async Task<CachedPage> ArticleListAsync()
        {
            const int size = ArticlesPerPage;
            var pages = Math.Max(1, (site.Articles.Count + size - 1) / size);
            var number = int.TryParse(query["page"], out var n) && n >= 1 ? n : 1;
            if (number > pages)
            {
                return await RenderAsync("not-found", new PageInfo { Title = "Page not found", Canonical = request.Path, NoIndex = true }, statusCode: StatusCodes.Status404NotFound);
            }

            var paging = new Paging
            {
                Page = number,
                Pages = pages,
                PreviousUrl = number > 1 ? (number == 2 ? "/articles" : $"/articles?page={number - 1}") : null,
                NextUrl = number < pages ? $"/articles?page={number + 1}" : null,
            };
            var values = new Dictionary<string, object?> { ["Articles"] = site.Articles.Skip((number - 1) * size).Take(size).ToList(), ["Paging"] = paging };
            return await RenderAsync("article-list", new PageInfo
            {
                Title = number == 1 ? "Articles" : $"Articles, page {number}",
                Description = $"Articles from the counselors of {site.Practice.Name}.",
                Canonical = number == 1 ? "/articles" : $"/articles?page={number}",
                Section = "articles",
                Feeds = [Rss(site.Practice.Name, "")],
            }, values);
        }

        private async Task<CachedPage> DirectoryAsync()
        {
            var specialties = query["specialty"].Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToList();
            var status = query["status"].ToString();
            var telehealth = query["telehealth"] == "1";
            var counselors = site.Counselors
                .Where(c => specialties.Count == 0 || c.Specialties.Any(specialties.Contains))
                .Where(c => status.Length == 0 || c.NewClientStatus == status)
                .Where(c => !telehealth || c.Telehealth)
                .ToList();
            var values = new Dictionary<string, object?>
            {
                ["Counselors"] = counselors,
                ["Filter"] = new Dictionary<string, object?> { ["Specialties"] = specialties, ["Status"] = status, ["Telehealth"] = telehealth, ["Active"] = specialties.Count > 0 || status.Length > 0 || telehealth },
            };
            return await RenderAsync("counselors", new PageInfo
            {
                Title = "Our counselors",
                Description = $"Meet the counselors of {site.Practice.Name}: specialties, approaches and who is accepting new clients.",
                Canonical = "/counselors",
                Section = "counselors",
            }, values);
        }

        private async Task<CachedPage> ArticleAsync(ArticleModel article, CancellationToken cancellationToken)
        {
            var values = new Dictionary<string, object?>
            {
                ["Article"] = article,
                ["Body"] = await BodyAsync(article.Id, cancellationToken),
                ["Views"] = CachedPage.ViewsMarker,
                ["RecentArticles"] = site.Articles.Where(a => a != article).Take(RecentCount).ToList(),
            };
            var info = new PageInfo
            {
                Title = article.SeoTitle ?? article.Title,
                Description = article.MetaDescription ?? article.Excerpt,
                Canonical = article.Url,
                OgType = "article",
                Image = article.Image ?? article.Author?.Photo,
                JsonLd = JsonLd.Graph(request, site, JsonLd.Article(request, article)),
                Section = "articles",
                Feeds = article.Series is { } s ? [Rss(site.Practice.Name, ""), Rss(s.Title, s.Url)] : [Rss(site.Practice.Name, "")],
            };
            return await RenderAsync("article", info, values, viewedItem: article.Id);
        }

        private Task<CachedPage> SeriesAsync(SeriesModel series) =>
            RenderAsync("series", new PageInfo
            {
                Title = series.Title,
                Description = series.MetaDescription,
                Canonical = series.Url,
                Image = series.Image,
                JsonLd = JsonLd.Graph(request, site, JsonLd.Series(request, series)),
                Section = "series",
                Feeds = [Rss(series.Title, series.Url)],
            }, new Dictionary<string, object?> { ["Series"] = series, ["Description"] = request.Rebase(series.DescriptionHtml) });

        private async Task<CachedPage> CounselorAsync(CounselorModel counselor, CancellationToken cancellationToken)
        {
            var values = new Dictionary<string, object?>
            {
                ["Counselor"] = counselor,
                ["Body"] = await BodyAsync(counselor.Id, cancellationToken),
                ["RecentArticles"] = counselor.Articles.Take(RecentCount).ToList(),
            };
            return await RenderAsync("counselor", new PageInfo
            {
                Title = counselor.NameWithCredentials,
                Description = counselor.MetaDescription,
                Canonical = counselor.Url,
                OgType = "profile",
                Image = counselor.Photo,
                JsonLd = JsonLd.Graph(request, site, JsonLd.ProfilePage(request, counselor)),
                Section = "counselors",
                Feeds = counselor.Articles.Count > 0 ? [Rss(counselor.NameWithCredentials, counselor.Url)] : [],
            }, values);
        }

        private async Task<CachedPage> PageAsync(PageModel page, CancellationToken cancellationToken)
        {
            var values = new Dictionary<string, object?> { ["PageItem"] = page, ["Body"] = await BodyAsync(page.Id, cancellationToken) };
            return await RenderAsync("page", new PageInfo
            {
                Title = page.Title,
                Description = page.MetaDescription,
                Canonical = page.Url,
                Section = page.Url == "/contact" ? "contact" : null,
            }, values);
        }

        private async Task<string?> BodyAsync(string id, CancellationToken cancellationToken) =>
            request.Rebase(await PracticeSiteLoader.BodyAsync(tenant, id, cancellationToken, latest: id == previewId));

        private CachedPage FeedPage(string title, string htmlPath, IEnumerable<ArticleModel> articles, bool atom) =>
            CachedPage.Create(Feeds.Feed(request, site, title, htmlPath, articles, atom), atom ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8");

        private static LinkModel Rss(string title, string path) => new() { Name = title, Url = path + "/feed.xml" };

        private async Task<CachedPage> RenderAsync(string template, PageInfo info, Dictionary<string, object?>? values = null, int statusCode = StatusCodes.Status200OK, string? viewedItem = null)
        {
            if (templates.Overridden.Count == 0)
            {
                return await RenderWithAsync(templates, template, info, values, statusCode, viewedItem);
            }

            try
            {
                return await RenderWithAsync(templates, template, info, values, statusCode, viewedItem);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or ArithmeticException or FluidException)
            {
                // A practice's template that parsed but fails on this page: the live site shows the theme's page instead.
                return await RenderWithAsync(ThemeTemplates.ThemeOnly, template, info, values, statusCode, viewedItem);
            }
        }

        private async Task<CachedPage> RenderWithAsync(ThemeTemplates templates, string template, PageInfo info, Dictionary<string, object?>? values, int statusCode, string? viewedItem)
        {
            var context = new TemplateContext(templates.Options);
            context.SetValue("Site", site);
            context.SetValue("Practice", site.Practice);
            context.SetValue("Request", request);
            context.SetValue("Stylesheet", StylesheetUrl);
            foreach (var (name, value) in values ?? [])
            {
                context.SetValue(name, value);
            }

            var withLd = info.JsonLd is null ? new PageInfo
            {
                Title = info.Title,
                Description = info.Description,
                Canonical = info.Canonical,
                OgType = info.OgType,
                Image = info.Image,
                Section = info.Section,
                Feeds = info.Feeds,
                NoIndex = info.NoIndex,
                JsonLd = JsonLd.Graph(request, site),
            } : info;
            context.SetValue("Page", withLd);
            context.SetValue("Content", await templates.RenderAsync(template, context));
            var html = await templates.RenderAsync("layout", context);
            return CachedPage.Create(html, Html, statusCode, viewedItem);
        }
    }
}

/// <summary>Settings of the public site (<c>Cms:Practice</c>).</summary>
public sealed class PracticeOptions
{
    public const string Section = "Cms:Practice";

    /// <summary>Rendered pages kept per active tenant, in bytes.</summary>
    public long PageCacheBytes { get; set; } = 2 * 1024 * 1024;
}
