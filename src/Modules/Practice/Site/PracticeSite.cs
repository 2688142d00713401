namespace Cms.Practice.Site;

/// <summary>
/// What a practice's public site shows, loaded once per tenant runtime from its published items
/// (without bodies, which are read per page and then cached with it): the practice, its counselors,
/// series, articles, topics and pages, cross-linked, and the route table. A change of a few items makes a new one from
/// this one (<see cref="PracticeSiteLoader.UpdateAsync"/>), reusing every model that did not change.
/// </summary>
public sealed class PracticeSite
{
    public required PracticeInfo Practice { get; init; }

    /// <summary>In directory order: sort order, then name.</summary>
    public required IReadOnlyList<CounselorModel> Counselors { get; init; }

    /// <summary>Newest first.</summary>
    public required IReadOnlyList<ArticleModel> Articles { get; init; }

    /// <summary>Newest first (by their latest part).</summary>
    public required IReadOnlyList<SeriesModel> Series { get; init; }

    /// <summary>By name.</summary>
    public required IReadOnlyList<TopicModel> Topics { get; init; }

    public required IReadOnlyList<PageModel> Pages { get; init; }

    /// <summary>The page whose text introduces the practice on the home page, if one is marked as home page.</summary>
    public PageModel? HomePage { get; init; }

    /// <summary>Published items by their URL ("/articles/x"), compared without case.</summary>
    public required IReadOnlyDictionary<string, object> Routes { get; init; }

    /// <summary>The specialties counselors list, for the directory filter, in vocabulary order.</summary>
    public required IReadOnlyList<string> Specialties { get; init; }

    /// <summary>
    /// The site's navigation from its main menu (the Menu feature's menu whose alias is <c>main-menu</c>), resolved
    /// against the published items; null when there is none, and the layout shows its own links.
    /// </summary>
    public IReadOnlyList<NavLink>? Navigation { get; init; }

    /// <summary>Where the menu's Contact goes: the practice's contact page, else its e-mail, else its booking page.</summary>
    public string? ContactUrl =>
        Routes.ContainsKey("/contact") ? "/contact" : Practice.Email is { } email ? "mailto:" + email : Practice.BookingUrl;

    /// <summary>The published item at a request path ("articles/x", no leading slash), or null.</summary>
    public object? Route(string path) => Routes.GetValueOrDefault("/" + path);

    public TopicModel? FindTopic(string slug) => TopicsBySlug.TryGetValue(slug, out var topic) && topic.Count > 0 ? topic : null;

    // The published items by id, and every topic named so far by slug (some may have no articles now): what an update
    // starts from. Concrete dictionaries, so an update copies them in one block.
    internal Dictionary<string, CounselorModel> CounselorsById { get; init; } = null!;

    internal Dictionary<string, SeriesModel> SeriesById { get; init; } = null!;

    internal Dictionary<string, ArticleModel> ArticlesById { get; init; } = null!;

    internal Dictionary<string, PageModel> PagesById { get; init; } = null!;

    internal Dictionary<string, TopicModel> TopicsBySlug { get; init; } = null!;

    /// <summary>The Specialties field's options, in order, as the definitions had them when the site was loaded.</summary>
    internal IReadOnlyList<string> Vocabulary { get; init; } = [];

    /// <summary>The main menu as read, before its links are resolved against the items: what an update starts from.</summary>
    internal MainMenu? Menu { get; init; }
}
