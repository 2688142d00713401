using Cms.Practice.Site;
using Cms.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cms.Practice.Rendering;

/// <summary>Renders one request's page: picks the template and model for the path.</summary>
internal sealed class PageBuilder(TenantRuntime tenant, PracticeSite site, ThemeTemplates templates, RequestInfo request, IQueryCollection query, string? previewId = null)
{
    /// <summary>The newest articles an article page shows beside itself: one row of three on wide screens (.cards-three in site.css).</summary>
    public const int RecentCount = 3;
    private const int ArticlesPerPage = 10;

    // The counselors the home page shows (its template's limit).
    private const int HomeCounselors = 4;

    /// <summary>
    /// Set for pages readers see: a practice's template that fails on a page is logged here once and the theme's own
    /// template renders that page instead. Unset (a template's preview, a trial render), the failure is thrown as a
    /// <see cref="TemplateFailedException"/> for the author to read.
    /// </summary>
    public ILogger? FallbackLog { get; init; }

    /// <summary>The most URLs in one sitemap file; a practice with more gets a sitemap index (<c>Cms:Practice:UrlsPerSitemap</c>).</summary>
    public int UrlsPerSitemap { get; init; } = Feeds.UrlsPerSitemap;

    /// <summary>The viewed item's stored view count, when the page read it with the item's body.</summary>
    public long? StoredViews { get; private set; }

    // What the page shows, for the page cache to evict it when any of it changes; every page shows the layout.
    private readonly HashSet<string> _shows = new(StringComparer.Ordinal) { PageTags.Site };

    /// <summary>The page, tagged with the ids of the items it shows and the lists it is (<see cref="PageTags"/>).</summary>
    public async Task<CachedPage> BuildAsync(string path, CancellationToken cancellationToken) =>
        (await BuildPageAsync(path, cancellationToken)).Tagged(_shows);

    private async Task<CachedPage> BuildPageAsync(string path, CancellationToken cancellationToken)
    {
        switch (path)
        {
            case "":
                return await HomeAsync(cancellationToken);
            case "articles":
                return await ArticleListAsync(cancellationToken);
            case "series":
                Shows(PageTags.Series);
                ShowsSeries(site.Series);
                return await RenderAsync("series-index", new PageInfo { Title = "Series", Canonical = "/series", Section = "series", Description = $"Multi-part article series from {site.Practice.Name}." }, cancellationToken);
            case "counselors":
                return await DirectoryAsync(cancellationToken);
            case "topics":
                Shows(PageTags.Articles);
                return await RenderAsync("topics", new PageInfo { Title = "Topics", Canonical = "/topics", Section = "articles" }, cancellationToken);
            case "feed.xml" or "atom.xml":
                Shows(PageTags.Articles);
                return FeedPage(site.Practice.Name, "/", site.Articles, path == "atom.xml");
            case "sitemap.xml":
                return SitemapPage(0) ?? await NotFoundAsync(cancellationToken);
            case "robots.txt":
                return CachedPage.Create(Feeds.Robots(request), "text/plain; charset=utf-8");
        }

        if (path.StartsWith("sitemap-", StringComparison.Ordinal) && path.EndsWith(".xml", StringComparison.Ordinal)
            && int.TryParse(path["sitemap-".Length..^".xml".Length], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var file)
            && path == $"sitemap-{file}.xml" && file >= 1 && SitemapPage(file) is { } part)
        {
            return part;
        }

        if (path.StartsWith("topics/", StringComparison.Ordinal) && site.FindTopic(path["topics/".Length..]) is { } topic)
        {
            return await TopicAsync(topic, cancellationToken);
        }

        if (path.EndsWith("/feed.xml", StringComparison.Ordinal) || path.EndsWith("/atom.xml", StringComparison.Ordinal))
        {
            var owner = path[..path.LastIndexOf('/')];
            var atom = path.EndsWith("/atom.xml", StringComparison.Ordinal);
            switch (site.Route(owner) ?? (object?)site.FindTopic(owner.Replace("topics/", "", StringComparison.Ordinal)))
            {
                case SeriesModel s:
                    ShowsSeries([s]);
                    return FeedPage($"{s.Title} · {site.Practice.Name}", s.Url, s.Parts.AsEnumerable().Reverse(), atom);
                case CounselorModel c:
                    Shows(c.Id, PageTags.ByCounselor(c.Id));
                    return FeedPage($"{c.NameWithCredentials} · {site.Practice.Name}", c.Url, c.Articles, atom);
                case TopicModel t when owner.StartsWith("topics/", StringComparison.Ordinal):
                    Shows(PageTags.Topic(t.Slug));
                    return FeedPage($"{t.Name} · {site.Practice.Name}", t.Url, t.Articles, atom);
            }
        }

        return site.Route(path) switch
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
            ["RecentArticles"] = ShowsArticles(site.Articles.Take(6).ToList()),
            ["FeaturedSeries"] = site.Series.Count > 0 ? site.Series[0] : null,
            ["FeaturedSeriesSummary"] = site.Series.Count > 0 ? request.Rebase(site.Series[0].SummaryHtml) : null,
        };
        Shows(PageTags.Home, PageTags.Articles, PageTags.Series, PageTags.Counselors, site.HomePage?.Id);
        Shows([.. site.Counselors.Take(HomeCounselors).Select(c => c.Id)]);
        ShowsSeries(site.Series.Take(1));
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
        Shows(PageTags.Articles);
        var values = new Dictionary<string, object?> { ["Articles"] = ShowsArticles(site.Articles.Skip((number - 1) * ArticlesPerPage).Take(ArticlesPerPage).ToList()), ["Paging"] = paging };
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
        Shows(PageTags.Topic(topic.Slug));
        var values = new Dictionary<string, object?> { ["Topic"] = topic, ["Articles"] = ShowsArticles(topic.Articles.Skip((number - 1) * ArticlesPerPage).Take(ArticlesPerPage).ToList()), ["Paging"] = paging };
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
        Shows(PageTags.Counselors);
        Shows([.. counselors.Select(c => c.Id)]);
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
            ["RecentArticles"] = ShowsArticles(site.Articles.Where(a => a != article).Take(RecentCount).ToList()),
        };
        Shows(PageTags.Recent);
        ShowsArticles([article]);
        ShowsSeries(article.Series is { } series ? [series] : []);
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

    private Task<CachedPage> SeriesAsync(SeriesModel series, CancellationToken cancellationToken)
    {
        ShowsSeries([series]);
        return RenderAsync("series", new PageInfo
        {
            Title = series.Title,
            Description = series.MetaDescription,
            Canonical = series.Url,
            Image = series.Image,
            JsonLd = JsonLd.Graph(request, site, JsonLd.Series(request, series)),
            Section = "series",
            Feeds = [Rss(series.Title, series.Url)],
        }, cancellationToken, new Dictionary<string, object?> { ["Series"] = series, ["Description"] = request.Rebase(series.DescriptionHtml) });
    }

    private async Task<CachedPage> CounselorAsync(CounselorModel counselor, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, object?>
        {
            ["Counselor"] = counselor,
            ["Body"] = await BodyAsync(counselor.Id, cancellationToken),
            ["RecentArticles"] = ShowsArticles(counselor.Articles.Take(RecentCount).ToList()),
        };
        Shows(counselor.Id, PageTags.ByCounselor(counselor.Id));
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
        Shows(page.Id);
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

        return await request.BodyAsync(body);
    }

    private CachedPage FeedPage(string title, string htmlPath, IEnumerable<ArticleModel> articles, bool atom)
    {
        var items = ShowsArticles(articles.Take(Feeds.FeedLength).ToList());
        return CachedPage.Create(Feeds.Feed(request, site, title, htmlPath, items, atom), atom ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8");
    }

    // /sitemap.xml (file 0): every URL, or an index of the files when there are more than one holds; /sitemap-N.xml:
    // the Nth file of those, null if there is no such file.
    private CachedPage? SitemapPage(int file)
    {
        Shows(PageTags.Sitemap);
        var entries = Feeds.SitemapEntries(site);
        var files = (entries.Count + UrlsPerSitemap - 1) / UrlsPerSitemap;
        var xml = (file, files) switch
        {
            (0, <= 1) => Feeds.Sitemap(request, entries),
            (0, _) => Feeds.SitemapIndex(request, entries, UrlsPerSitemap),
            _ when files > 1 && file <= files => Feeds.Sitemap(request, entries.Skip((file - 1) * UrlsPerSitemap).Take(UrlsPerSitemap)),
            _ => null,
        };
        return xml is null ? null : CachedPage.Create(xml, "application/xml; charset=utf-8");
    }

    private void Shows(params string?[] tags)
    {
        foreach (var tag in tags)
        {
            if (tag is not null)
            {
                _shows.Add(tag);
            }
        }
    }

    // An article as a card or a page shows it: its title and link, its authors and reviewer, its series' name.
    private List<ArticleModel> ShowsArticles(List<ArticleModel> articles)
    {
        foreach (var article in articles)
        {
            Shows(article.Id, article.Reviewer?.Id, article.Series?.Id);
            Shows([.. article.Authors.Select(a => a.Id)]);
        }

        return articles;
    }

    // A series with its parts, as its page and its table of contents on a part's page show it.
    private void ShowsSeries(IEnumerable<SeriesModel> series)
    {
        foreach (var one in series)
        {
            Shows(one.Id);
            ShowsArticles(one.Parts);
        }
    }

    private static LinkModel Rss(string title, string path) => new() { Name = title, Url = path + "/feed.xml" };

    private Task<CachedPage> RenderAsync(string template, PageInfo info, CancellationToken cancellationToken, Dictionary<string, object?>? values = null, int statusCode = StatusCodes.Status200OK, string? viewedItem = null) =>
        new PageRenderer(tenant, site, templates, request, FallbackLog).RenderAsync(template, info, values, statusCode, viewedItem, cancellationToken);
}
