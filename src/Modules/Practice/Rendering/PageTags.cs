namespace Cms.Practice.Rendering;

/// <summary>
/// What a cached page is tagged with besides the ids of the items it shows: the lists it is, so a change that adds
/// an item to a list (a new article) or takes one out reaches the list's pages, which could not name the item before.
/// </summary>
internal static class PageTags
{
    /// <summary>Every page: what the layout shows of the whole site (the practice's settings, the menu).</summary>
    public const string Site = "site";

    /// <summary>Pages listing the published articles newest first: the home page, /articles, the site's feeds, /topics.</summary>
    public const string Articles = "list:articles";

    /// <summary>Pages showing the few newest articles beside their own content (an article's "Recent posts").</summary>
    public const string Recent = "list:recent";

    /// <summary>The series index.</summary>
    public const string Series = "list:series";

    /// <summary>The counselor directory.</summary>
    public const string Counselors = "list:counselors";

    /// <summary>The sitemap (or its index and parts): every public URL.</summary>
    public const string Sitemap = "list:sitemap";

    /// <summary>A topic's pages and feeds.</summary>
    public static string Topic(string slug) => "list:topic:" + slug;
}
