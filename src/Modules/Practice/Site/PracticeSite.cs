namespace Cms.Practice.Site;

/// <summary>
/// What a practice's public site shows, loaded once per tenant runtime from its published items
/// (without bodies, which are read per page and then cached with it): the practice, its counselors,
/// series, articles, topics and pages, cross-linked, and the route table.
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

    /// <summary>Published items by route path (no leading slash).</summary>
    public required IReadOnlyDictionary<string, object> Routes { get; init; }

    /// <summary>The specialties counselors list, for the directory filter, in vocabulary order.</summary>
    public required IReadOnlyList<string> Specialties { get; init; }

    /// <summary>Where the menu's Contact goes: the practice's contact page, else its e-mail, else its booking page.</summary>
    public string? ContactUrl =>
        Routes.ContainsKey("contact") ? "/contact" : Practice.Email is { } email ? "mailto:" + email : Practice.BookingUrl;

    public TopicModel? FindTopic(string slug) => Topics.FirstOrDefault(t => t.Slug == slug);
}
