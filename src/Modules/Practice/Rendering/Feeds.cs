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

    public static string Sitemap(RequestInfo request, PracticeSite site)
    {
        const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var latest = site.Articles.Count == 0 ? (DateTimeOffset?)null : site.Articles.Max(a => a.Modified.Utc);
        var entries = new List<(string Path, DateTimeOffset? Modified)> { ("/", latest), ("/articles", latest), ("/counselors", null) };
        if (site.Series.Count > 0)
        {
            entries.Add(("/series", latest));
        }

        entries.AddRange(site.Articles.Select(a => (a.Url, (DateTimeOffset?)a.Modified.Utc)));
        entries.AddRange(site.Series.Select(s => (s.Url, s.Parts.Count == 0 ? null : (DateTimeOffset?)s.Parts.Max(p => p.Modified.Utc))));
        entries.AddRange(site.Counselors.Select(c => (c.Url, (DateTimeOffset?)null)));
        entries.AddRange(site.Topics.Select(t => (t.Url, (DateTimeOffset?)t.Articles.Max(a => a.Modified.Utc))));
        entries.AddRange(site.Pages.Select(p => (p.Url, p.Modified?.Utc)));
        return Write(writer =>
        {
            writer.WriteStartElement("urlset", ns);
            foreach (var (path, modified) in entries.DistinctBy(e => e.Path))
            {
                writer.WriteStartElement("url", ns);
                writer.WriteElementString("loc", ns, request.Absolute(path));
                if (modified is { } date)
                {
                    writer.WriteElementString("lastmod", ns, date.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
    }

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
