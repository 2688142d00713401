using Cms.Practice.Site;

namespace Cms.Practice.Rendering;

/// <summary>
/// What a cached page is tagged with besides the ids of the items it shows: the lists it is, so a change that adds
/// an item to a list (a new article) or takes one out reaches the list's pages, which could not name the item before.
/// </summary>
internal static class PageTags
{
    /// <summary>Every page: what the layout shows of the whole site (the practice's settings, the menu).</summary>
    public const string Site = "site";

    /// <summary>The home page (which page introduces the practice there).</summary>
    public const string Home = "page:home";

    /// <summary>Pages listing the published articles newest first: the home page, /articles, the site's feeds, /topics.</summary>
    public const string Articles = "list:articles";

    /// <summary>Pages showing the few newest articles beside their own content (an article's "Recent posts").</summary>
    public const string Recent = "list:recent";

    /// <summary>The series index, and the home page's featured series.</summary>
    public const string Series = "list:series";

    /// <summary>The counselor directory, and the home page's counselors.</summary>
    public const string Counselors = "list:counselors";

    /// <summary>The sitemap (or its index and parts): every public URL.</summary>
    public const string Sitemap = "list:sitemap";

    /// <summary>A topic's pages and feeds.</summary>
    public static string Topic(string slug) => "list:topic:" + slug;

    /// <summary>A counselor's page and feed, which list their articles.</summary>
    public static string ByCounselor(string id) => "list:by:" + id;

    /// <summary>
    /// The tags of the pages a change of these items reaches, from the site before and after it: each item's id (every
    /// page showing it), and the lists it joined, left or moved in. A change that only rewords an article reaches its
    /// own page and the pages showing its card, not the lists around it.
    /// </summary>
    public static IReadOnlySet<string> Changed(PracticeSite before, PracticeSite after, IEnumerable<string> itemIds)
    {
        var tags = new HashSet<string>(StringComparer.Ordinal) { Sitemap };
        foreach (var id in itemIds)
        {
            tags.Add(id);
            ArticleChanged(tags, before, after, before.ArticlesById.GetValueOrDefault(id), after.ArticlesById.GetValueOrDefault(id));
            if (before.CounselorsById.ContainsKey(id) || after.CounselorsById.ContainsKey(id))
            {
                tags.Add(Counselors);
            }

            if (before.SeriesById.ContainsKey(id) || after.SeriesById.ContainsKey(id))
            {
                tags.Add(Series);
            }

            if (before.PagesById.GetValueOrDefault(id) is { IsHome: true } || after.PagesById.GetValueOrDefault(id) is { IsHome: true })
            {
                tags.Add(Home);
            }
        }

        // What the layout of every page shows of the site: whether there are series and topics, where Contact goes, the navigation.
        if ((before.Series.Count > 0) != (after.Series.Count > 0) || (before.Topics.Count > 0) != (after.Topics.Count > 0) || before.ContactUrl != after.ContactUrl
            || NavLink.Signature(before.Navigation) != NavLink.Signature(after.Navigation))
        {
            tags.Add(Site);
        }

        return tags;
    }

    private static void ArticleChanged(HashSet<string> tags, PracticeSite before, PracticeSite after, ArticleModel? was, ArticleModel? now)
    {
        if (was is null && now is null)
        {
            return;
        }

        // Reworded only: the pages showing it (its card among them) carry its id; no list changes.
        if (was is not null && now is not null && !MovesInLists(was, now))
        {
            return;
        }

        // Joining or leaving the newest an article page shows beside itself (one more when that page is one of them).
        if ((was is not null && IsRecent(before, was)) || (now is not null && IsRecent(after, now)))
        {
            tags.Add(Recent);
        }

        tags.Add(Articles);
        foreach (var article in new[] { was, now }.OfType<ArticleModel>())
        {
            tags.UnionWith(article.Topics.Select(t => Topic(t.Slug)));
            tags.UnionWith(article.AuthorIds.Select(ByCounselor));
            if (article.SeriesId is { } series)
            {
                // The series' page and table of contents, and its parts' cards ("Part N").
                tags.Add(series);
                tags.Add(Series);
            }
        }
    }

    private static bool IsRecent(PracticeSite site, ArticleModel article)
    {
        var newest = site.Articles;
        for (var i = 0; i <= PageBuilder.RecentCount && i < newest.Count; i++)
        {
            if (ReferenceEquals(newest[i], article))
            {
                return true;
            }
        }

        return false;
    }

    // Whether the change moves the article in, out of or within a list: its date, authors, series, part or topics.
    private static bool MovesInLists(ArticleModel was, ArticleModel now) =>
        was.Published.Utc != now.Published.Utc
        || was.Part != now.Part
        || was.SeriesId != now.SeriesId
        || !was.AuthorIds.SequenceEqual(now.AuthorIds)
        || !was.Topics.Select(t => t.Slug).SequenceEqual(now.Topics.Select(t => t.Slug));
}
