namespace Cms.Practice.Site;

/// <summary>
/// Makes a <see cref="PracticeSite"/> from its models: each counselor's, topic's and series' list of articles, the
/// orders the site shows, and the route table. Used by the full load and by an update alike, so both give the same site.
/// </summary>
internal static class SiteLinker
{
    /// <summary>Newest first; the id breaks a tie, so a full load and an update order alike.</summary>
    public static readonly IComparer<ArticleModel> NewestFirst = Comparer<ArticleModel>.Create(static (a, b) =>
        b.Published.Utc.CompareTo(a.Published.Utc) is var byDate and not 0 ? byDate : string.CompareOrdinal(a.Id, b.Id));

    /// <summary>Points the article at the published counselors and series it names.</summary>
    public static void Resolve(ArticleModel article, IReadOnlyDictionary<string, CounselorModel> counselors, IReadOnlyDictionary<string, SeriesModel> series)
    {
        article.Authors = article.AuthorIds.Select(counselors.GetValueOrDefault).OfType<CounselorModel>().ToArray();
        article.Reviewer = article.ReviewerId is { } reviewer ? counselors.GetValueOrDefault(reviewer) : null;
        article.Series = article.SeriesId is { } id ? series.GetValueOrDefault(id) : null;
    }

    /// <summary>Whether the article names any of these items as author, reviewer or series.</summary>
    public static bool Names(ArticleModel article, IReadOnlySet<string> ids) =>
        (article.SeriesId is { } series && ids.Contains(series)) || (article.ReviewerId is { } reviewer && ids.Contains(reviewer)) || article.AuthorIds.Any(ids.Contains);

    public static PracticeSite Link(
        PracticeInfo practice,
        Dictionary<string, CounselorModel> counselors,
        Dictionary<string, SeriesModel> series,
        Dictionary<string, ArticleModel> articles,
        Dictionary<string, PageModel> pages,
        Dictionary<string, TopicModel> topics,
        IReadOnlyList<string> vocabulary,
        List<ArticleModel> newestFirst,
        MainMenu? menu)
    {
        // New lists, assigned whole: a page being rendered from the site before this one keeps reading complete lists.
        var byCounselor = counselors.Keys.ToDictionary(id => id, _ => new List<ArticleModel>(), StringComparer.Ordinal);
        var byTopic = topics.Keys.ToDictionary(slug => slug, _ => new List<ArticleModel>(), StringComparer.Ordinal);
        var bySeries = series.Keys.ToDictionary(id => id, _ => new List<ArticleModel>(), StringComparer.Ordinal);
        foreach (var article in newestFirst)
        {
            foreach (var author in article.Authors)
            {
                byCounselor.GetValueOrDefault(author.Id)?.Add(article);
            }

            foreach (var topic in article.Topics)
            {
                byTopic.GetValueOrDefault(topic.Slug)?.Add(article);
            }

            if (article.Series is { } inSeries)
            {
                bySeries.GetValueOrDefault(inSeries.Id)?.Add(article);
            }
        }

        foreach (var (id, list) in byCounselor)
        {
            counselors[id].Articles = list;
        }

        foreach (var (slug, list) in byTopic)
        {
            topics[slug].Articles = list;
        }

        foreach (var (id, list) in bySeries)
        {
            list.Sort(static (a, b) => (a.Part ?? int.MaxValue, a.Published.Utc).CompareTo((b.Part ?? int.MaxValue, b.Published.Utc)));
            series[id].Parts = list;
        }

        var routes = new Dictionary<string, object>(counselors.Count + series.Count + articles.Count + pages.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (url, model) in counselors.Values.Select(c => (c.Url, (object)c))
            .Concat(series.Values.Select(s => (s.Url, (object)s)))
            .Concat(newestFirst.Select(a => (a.Url, (object)a)))
            .Concat(pages.Values.Select(p => (p.Url, (object)p))))
        {
            routes.TryAdd(url, model);
        }

        var orderedCounselors = counselors.Values.OrderBy(c => c.SortOrder).ThenBy(c => c.Name, StringComparer.CurrentCulture).ToList();
        var used = orderedCounselors.SelectMany(c => c.Specialties).ToHashSet(StringComparer.Ordinal);
        var orderedPages = pages.Values.OrderBy(p => p.Url, StringComparer.Ordinal).ToList();
        return new PracticeSite
        {
            Practice = practice,
            Counselors = orderedCounselors,
            Articles = newestFirst,
            Series = series.Values.OrderByDescending(s => s.Parts.Count == 0 ? DateTimeOffset.MinValue : s.Parts.Max(p => p.Published.Utc)).ThenBy(s => s.Id, StringComparer.Ordinal).ToList(),
            Topics = topics.Values.Where(t => t.Count > 0).OrderBy(t => t.Name, StringComparer.CurrentCulture).ToList(),
            Pages = orderedPages,
            // Orchard: the last page published with "set as home page" is the home page.
            HomePage = orderedPages.Where(p => p.IsHome).OrderByDescending(p => p.Modified?.Utc).FirstOrDefault(),
            Routes = routes,
            Specialties = vocabulary.Where(used.Contains).Concat(used.Where(s => !vocabulary.Contains(s)).Order(StringComparer.CurrentCulture)).ToList(),
            CounselorsById = counselors,
            SeriesById = series,
            ArticlesById = articles,
            PagesById = pages,
            TopicsBySlug = topics,
            Vocabulary = vocabulary,
            Menu = menu,
            Navigation = menu is null ? null : NavLink.Resolve(menu.Links, id =>
                articles.GetValueOrDefault(id)?.Url ?? pages.GetValueOrDefault(id)?.Url ?? counselors.GetValueOrDefault(id)?.Url ?? series.GetValueOrDefault(id)?.Url),
        };
    }
}
