using Cms.Practice.Site;
using Cms.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cms.Practice.Rendering;

/// <summary>Renders one request's page: picks the template and model for the path.</summary>
internal sealed class PageBuilder(TenantRuntime tenant, PracticeSite site, ThemeTemplates templates, RequestInfo request, IQueryCollection query, string? previewId = null)
{
    private const int RecentCount = 3;
    private const int ArticlesPerPage = 10;

    /// <summary>
    /// Set for pages readers see: a practice's template that fails on a page is logged here once and the theme's own
    /// template renders that page instead. Unset (a template's preview, a trial render), the failure is thrown as a
    /// <see cref="TemplateFailedException"/> for the author to read.
    /// </summary>
    public ILogger? FallbackLog { get; init; }

    /// <summary>The viewed item's stored view count, when the page read it with the item's body.</summary>
    public long? StoredViews { get; private set; }

    public async Task<CachedPage> BuildAsync(string path, CancellationToken cancellationToken)
    {
        switch (path)
        {
            case "":
                return await HomeAsync(cancellationToken);
            case "articles":
                return await ArticleListAsync(cancellationToken);
            case "series":
                return await RenderAsync("series-index", new PageInfo { Title = "Series", Canonical = "/series", Section = "series", Description = $"Multi-part article series from {site.Practice.Name}." }, cancellationToken);
            case "counselors":
                return await DirectoryAsync(cancellationToken);
            case "topics":
                return await RenderAsync("topics", new PageInfo { Title = "Topics", Canonical = "/topics", Section = "articles" }, cancellationToken);
            case "feed.xml" or "atom.xml":
                return FeedPage(site.Practice.Name, "/", site.Articles, path == "atom.xml");
            case "sitemap.xml":
                return CachedPage.Create(Feeds.Sitemap(request, site), "application/xml; charset=utf-8");
            case "robots.txt":
                return CachedPage.Create(Feeds.Robots(request), "text/plain; charset=utf-8");
        }

        if (path.StartsWith("topics/", StringComparison.Ordinal) && site.FindTopic(path["topics/".Length..]) is { } topic)
        {
            return await TopicAsync(topic, cancellationToken);
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
            SeriesModel series => await SeriesAsync(series, cancellationToken),
            CounselorModel counselor => await CounselorAsync(counselor, cancellationToken),
            PageModel page => await PageAsync(page, cancellationToken),
            _ => await NotFoundAsync(cancellationToken),
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
        }, cancellationToken, values);
    }

    private async Task<CachedPage> ArticleListAsync(CancellationToken cancellationToken)
    {
        if (PagingOf(site.Articles.Count, "/articles") is not { } paging)
        {
            return await NotFoundAsync(cancellationToken);
        }

        var number = paging.Page;
        var values = new Dictionary<string, object?> { ["Articles"] = site.Articles.Skip((number - 1) * ArticlesPerPage).Take(ArticlesPerPage).ToList(), ["Paging"] = paging };
        return await RenderAsync("article-list", new PageInfo
        {
            Title = number == 1 ? "Articles" : $"Articles, page {number}",
            Description = $"Articles from the counselors of {site.Practice.Name}.",
            Canonical = number == 1 ? "/articles" : $"/articles?page={number}",
            Section = "articles",
            Feeds = [Rss(site.Practice.Name, "")],
        }, cancellationToken, values);
    }

    // A topic's articles a page at a time, like the article list: a page of all of them grew with the practice
    // (thousands of cards for a big one) and would go over the render limits.
    private async Task<CachedPage> TopicAsync(TopicModel topic, CancellationToken cancellationToken)
    {
        if (PagingOf(topic.Articles.Count, topic.Url) is not { } paging)
        {
            return await NotFoundAsync(cancellationToken);
        }

        var number = paging.Page;
        var values = new Dictionary<string, object?> { ["Topic"] = topic, ["Articles"] = topic.Articles.Skip((number - 1) * ArticlesPerPage).Take(ArticlesPerPage).ToList(), ["Paging"] = paging };
        return await RenderAsync("topic", new PageInfo
        {
            Title = number == 1 ? topic.Name : $"{topic.Name}, page {number}",
            Canonical = number == 1 ? topic.Url : $"{topic.Url}?page={number}",
            Section = "articles",
            Feeds = [Rss(topic.Name, topic.Url)],
        }, cancellationToken, values);
    }

    // The page of a list the query asks for (?page=N); null past its last page.
    private Paging? PagingOf(int count, string url)
    {
        var pages = Math.Max(1, (count + ArticlesPerPage - 1) / ArticlesPerPage);
        var number = int.TryParse(query["page"], out var n) && n >= 1 ? n : 1;
        return number > pages ? null : new Paging
        {
            Page = number,
            Pages = pages,
            PreviousUrl = number > 1 ? (number == 2 ? url : $"{url}?page={number - 1}") : null,
            NextUrl = number < pages ? $"{url}?page={number + 1}" : null,
        };
    }

    private Task<CachedPage> NotFoundAsync(CancellationToken cancellationToken) =>
        RenderAsync("not-found", new PageInfo { Title = "Page not found", Canonical = request.Path, NoIndex = true }, cancellationToken, statusCode: StatusCodes.Status404NotFound);

    private async Task<CachedPage> DirectoryAsync(CancellationToken cancellationToken)
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
        }, cancellationToken, values);
    }

    private async Task<CachedPage> ArticleAsync(ArticleModel article, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, object?>
        {
            ["Article"] = article,
            ["Body"] = await BodyAsync(article.Id, cancellationToken, countsViews: true),
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
        return await RenderAsync("article", info, cancellationToken, values, viewedItem: article.Id);
    }

    private Task<CachedPage> SeriesAsync(SeriesModel series, CancellationToken cancellationToken) =>
        RenderAsync("series", new PageInfo
        {
            Title = series.Title,
            Description = series.MetaDescription,
            Canonical = series.Url,
            Image = series.Image,
            JsonLd = JsonLd.Graph(request, site, JsonLd.Series(request, series)),
            Section = "series",
            Feeds = [Rss(series.Title, series.Url)],
        }, cancellationToken, new Dictionary<string, object?> { ["Series"] = series, ["Description"] = request.Rebase(series.DescriptionHtml) });

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
        }, cancellationToken, values);
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
        }, cancellationToken, values);
    }

    private async Task<string?> BodyAsync(string id, CancellationToken cancellationToken, bool countsViews = false)
    {
        var (body, views) = await PracticeSiteLoader.BodyAsync(tenant, id, cancellationToken, latest: id == previewId);
        if (countsViews)
        {
            StoredViews = views;
        }

        return request.Rebase(body);
    }

    private CachedPage FeedPage(string title, string htmlPath, IEnumerable<ArticleModel> articles, bool atom) =>
        CachedPage.Create(Feeds.Feed(request, site, title, htmlPath, articles, atom), atom ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8");

    private static LinkModel Rss(string title, string path) => new() { Name = title, Url = path + "/feed.xml" };

    private Task<CachedPage> RenderAsync(string template, PageInfo info, CancellationToken cancellationToken, Dictionary<string, object?>? values = null, int statusCode = StatusCodes.Status200OK, string? viewedItem = null) =>
        new PageRenderer(tenant, site, templates, request, FallbackLog).RenderAsync(template, info, values, statusCode, viewedItem, cancellationToken);
}
