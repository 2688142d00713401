using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Cms.Practice.Site;

namespace Cms.Practice.Rendering;

/// <summary>RSS 2.0 and Atom 1.0 feeds (written by System.ServiceModel.Syndication), the sitemap and robots.txt.</summary>
internal static class Feeds
{
    public const int FeedLength = 20;

    public static string Feed(RequestInfo request, PracticeSite site, string title, string htmlPath, IEnumerable<ArticleModel> articles, bool atom)
    {
        var items = articles.Take(FeedLength).ToList();
        var updated = items.Count == 0 ? DateTimeOffset.UnixEpoch : items.Max(a => a.Modified.Utc);
        var feed = new SyndicationFeed(title, site.Practice.Tagline ?? site.Practice.Name, new Uri(request.Absolute(htmlPath)), request.Absolute(request.Path), updated)
        {
            Language = "en-us",
            Items = items.Select(article => Item(request, article)).ToList(),
        };
        feed.Links.Add(new SyndicationLink(new Uri(request.Absolute(request.Path)), "self", title, atom ? "application/atom+xml" : "application/rss+xml", 0));
        return Write(writer =>
        {
            if (atom)
            {
                new Atom10FeedFormatter(feed).WriteTo(writer);
            }
            else
            {
                new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: true).WriteTo(writer);
            }
        });
    }

    /// <summary>The most URLs one sitemap file may hold (sitemaps.org); a practice with more gets a sitemap index.</summary>
    public const int UrlsPerSitemap = 50_000;

    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>Every public URL of the practice with its last change, once each, in the sitemap's order.</summary>
    public static IReadOnlyList<SitemapEntry> SitemapEntries(PracticeSite site)
    {
        var latest = site.Articles.Count == 0 ? (DateTimeOffset?)null : site.Articles.Max(a => a.Modified.Utc);
        var entries = new List<SitemapEntry> { new("/", latest), new("/articles", latest), new("/counselors", null) };
        if (site.Series.Count > 0)
        {
            entries.Add(new("/series", latest));
        }

        entries.AddRange(site.Articles.Select(a => new SitemapEntry(a.Url, a.Modified.Utc)));
        entries.AddRange(site.Series.Select(s => new SitemapEntry(s.Url, s.Parts.Count == 0 ? null : s.Parts.Max(p => p.Modified.Utc))));
        entries.AddRange(site.Counselors.Select(c => new SitemapEntry(c.Url, null)));
        entries.AddRange(site.Topics.Select(t => new SitemapEntry(t.Url, t.Articles.Max(a => a.Modified.Utc))));
        entries.AddRange(site.Pages.Select(p => new SitemapEntry(p.Url, p.Modified?.Utc)));
        return entries.DistinctBy(e => e.Path).ToList();
    }

    /// <summary>A sitemap (urlset) of these entries.</summary>
    public static string Sitemap(RequestInfo request, IEnumerable<SitemapEntry> entries) => Write(writer =>
    {
        writer.WriteStartElement("urlset", SitemapNamespace);
        foreach (var (path, modified) in entries)
        {
            writer.WriteStartElement("url", SitemapNamespace);
            writer.WriteElementString("loc", SitemapNamespace, request.Absolute(path));
            WriteLastModified(writer, modified);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    });

    /// <summary>A sitemap index naming /sitemap-1.xml, /sitemap-2.xml… for these entries cut into files of <paramref name="perFile"/>.</summary>
    public static string SitemapIndex(RequestInfo request, IReadOnlyList<SitemapEntry> entries, int perFile) => Write(writer =>
    {
        writer.WriteStartElement("sitemapindex", SitemapNamespace);
        var number = 1;
        foreach (var file in entries.Chunk(perFile))
        {
            writer.WriteStartElement("sitemap", SitemapNamespace);
            writer.WriteElementString("loc", SitemapNamespace, request.Absolute($"/sitemap-{number++}.xml"));
            WriteLastModified(writer, file.Max(e => e.Modified));
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    });

    public static string Robots(RequestInfo request) =>
        $"User-agent: *\nAllow: {request.Href("/")}\nDisallow: {request.Href("/admin")}\nDisallow: {request.Href("/login")}\nDisallow: {request.Href("/api/")}\n\nSitemap: {request.Absolute("/sitemap.xml")}\n";

    private static SyndicationItem Item(RequestInfo request, ArticleModel article)
    {
        var url = request.Absolute(article.Url);
        var item = new SyndicationItem(article.Title, article.Excerpt ?? "", new Uri(url), url, article.Modified.Utc)
        {
            PublishDate = article.Published.Utc,
        };
        foreach (var author in article.Authors)
        {
            item.Authors.Add(new SyndicationPerson(null, author.NameWithCredentials, request.Absolute(author.Url)));
        }

        foreach (var topic in article.Topics)
        {
            item.Categories.Add(new SyndicationCategory(topic.Name));
        }

        return item;
    }

    private static void WriteLastModified(XmlWriter writer, DateTimeOffset? modified)
    {
        if (modified is { } date)
        {
            writer.WriteElementString("lastmod", SitemapNamespace, date.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static string Write(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = false }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
