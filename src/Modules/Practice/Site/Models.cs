namespace Cms.Practice.Site;

// What the theme's Liquid templates see. Property names reach the templates in snake_case
// (ProfessionalTitle is professional_title); URLs are site paths ("/articles/x"), turned into links
// for the request by the `href` and `absolute_url` filters.

/// <summary>The practice settings (the PracticeSettings custom settings of the practice recipe).</summary>
public sealed class PracticeInfo
{
    public required string Name { get; init; }

    public string? Tagline { get; init; }

    public string? StreetAddress { get; init; }

    public string? City { get; init; }

    public string? Region { get; init; }

    public string? PostalCode { get; init; }

    /// <summary>"Poughkeepsie, NY", or empty.</summary>
    public string Place => string.Join(", ", new[] { City, Region }.Where(s => !string.IsNullOrWhiteSpace(s)));

    public string? Phone { get; init; }

    /// <summary>The phone as a tel: link target (digits and a leading +).</summary>
    public string? PhoneHref => Phone is null ? null : "tel:" + new string(Phone.Where(c => char.IsDigit(c) || c == '+').ToArray());

    public string? Email { get; init; }

    public string? BookingUrl { get; init; }

    public string BookingLabel { get; init; } = "Request an appointment";

    public required string CrisisText { get; init; }

    public string? PrivacyUrl { get; init; }

    public string PrivacyLabel { get; init; } = "Notice of Privacy Practices";

    /// <summary>The accent colour, already checked for contrast against the page background.</summary>
    public required string Accent { get; init; }

    public required TimeZoneInfo TimeZone { get; init; }
}

public sealed class ImageModel
{
    public required string Url { get; init; }

    public required string Alt { get; init; }
}

public sealed class LinkModel
{
    public required string Name { get; init; }

    public string? Url { get; init; }
}

/// <summary>
/// A date as the site shows it: in the practice's time zone. Only the instant and the zone are kept (a site model holds
/// two per article); the texts are made when a page asks for them.
/// </summary>
public sealed class DateModel(DateTimeOffset utc, TimeZoneInfo zone)
{
    public DateTimeOffset Utc { get; } = utc;

    /// <summary>"Jul 20, 2020".</summary>
    public string Display => Local.ToString("MMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 with the practice's offset, for datetime attributes and JSON-LD.</summary>
    public string Iso => Local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    private DateTimeOffset Local => TimeZoneInfo.ConvertTime(Utc, zone);
}

public sealed class CounselorModel
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Url { get; init; }

    public string? ProfessionalTitle { get; init; }

    public string? CredentialSuffix { get; init; }

    /// <summary>"Dana Whitfield, LMHC".</summary>
    public string NameWithCredentials => string.IsNullOrWhiteSpace(CredentialSuffix) ? Name : $"{Name}, {CredentialSuffix}";

    public string FirstName => Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? Name;

    public string? Pronouns { get; init; }

    public ImageModel? Photo { get; init; }

    public string? ShortBio { get; init; }

    public IReadOnlyList<string> Specialties { get; init; } = [];

    public IReadOnlyList<string> TopSpecialties => Specialties.Take(3).ToList();

    public IReadOnlyList<string> Approaches { get; init; } = [];

    public IReadOnlyList<string> ClientFocus { get; init; } = [];

    public IReadOnlyList<string> Languages { get; init; } = [];

    public string? LicenseType { get; init; }

    public string? LicenseNumber { get; init; }

    public string? LicenseState { get; init; }

    /// <summary>licensed, associate or intern.</summary>
    public string LicenseStatus { get; init; } = "licensed";

    public string? Supervisor { get; init; }

    public IReadOnlyList<LinkModel> Memberships { get; init; } = [];

    /// <summary>accepting, waitlist or not-accepting.</summary>
    public required string NewClientStatus { get; init; }

    public string NewClientLabel => NewClientStatus switch
    {
        "accepting" => "Currently accepting new clients",
        "waitlist" => "Waitlist for new clients",
        _ => "Not accepting new clients",
    };

    public bool Accepting => NewClientStatus == "accepting";

    public bool InPerson { get; init; }

    public bool Telehealth { get; init; }

    public IReadOnlyList<string> Locations { get; init; } = [];

    public string? Fees { get; init; }

    public string? Insurance { get; init; }

    public string? BookingUrl { get; init; }

    public string BookingLabel { get; init; } = "Book a consultation";

    public string? Email { get; init; }

    public int SortOrder { get; init; }

    public string? MetaDescription { get; init; }

    public string FeedUrl => Url + "/feed.xml";

    /// <summary>Their published articles, newest first (as primary author or co-author).</summary>
    public List<ArticleModel> Articles { get; internal set; } = [];
}

public sealed class TopicModel
{
    public required string Name { get; init; }

    public required string Slug { get; init; }

    public string Url => "/topics/" + Slug;

    /// <summary>Newest first.</summary>
    public List<ArticleModel> Articles { get; internal set; } = [];

    public int Count => Articles.Count;
}

public sealed class ArticleModel
{
    private readonly byte[]? _excerpt;

    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Url { get; init; }

    /// <summary>The article's excerpt, or its first words; kept as UTF-8 (half the bytes of a string: it is most of an article's model).</summary>
    public string? Excerpt
    {
        get => _excerpt is null ? null : System.Text.Encoding.UTF8.GetString(_excerpt);
        init => _excerpt = value is null ? null : System.Text.Encoding.UTF8.GetBytes(value);
    }

    public ImageModel? Image { get; init; }

    /// <summary>The published counselors among <see cref="AuthorIds"/>, in their order.</summary>
    public IReadOnlyList<CounselorModel> Authors { get; internal set; } = [];

    public CounselorModel? Author => Authors.Count > 0 ? Authors[0] : null;

    public CounselorModel? Reviewer { get; internal set; }

    public SeriesModel? Series { get; internal set; }

    // What the article names, kept so its links can be made again when a counselor or series changes.
    internal IReadOnlyList<string> AuthorIds { get; init; } = [];

    internal string? ReviewerId { get; init; }

    internal string? SeriesId { get; init; }

    public int? Part { get; init; }

    public IReadOnlyList<TopicModel> Topics { get; init; } = [];

    public required DateModel Published { get; init; }

    /// <summary>Set when the article was revised after it was published.</summary>
    public DateModel? Updated { get; init; }

    public DateModel Modified => Updated ?? Published;

    public int WordCount { get; init; }

    public int ReadingMinutes { get; init; }

    public bool SensitiveTopic { get; init; }

    public string? SeoTitle { get; init; }

    public string? MetaDescription { get; init; }

    /// <summary>The article before and after this one in its series.</summary>
    public ArticleModel? PreviousPart => Series is null ? null : Series.Parts.ElementAtOrDefault(Series.Parts.IndexOf(this) - 1);

    public ArticleModel? NextPart => Series is null ? null : Series.Parts.ElementAtOrDefault(Series.Parts.IndexOf(this) + 1);

    /// <summary>1-based place among the published parts, for "Part N of M".</summary>
    public int Position => Series is null ? 0 : Series.Parts.IndexOf(this) + 1;
}

public sealed class SeriesModel
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Url { get; init; }

    public ImageModel? Image { get; init; }

    /// <summary>ongoing or complete.</summary>
    public string Status { get; init; } = "ongoing";

    public bool Complete => Status == "complete";

    public int? PlannedParts { get; init; }

    /// <summary>Published parts in part order.</summary>
    public List<ArticleModel> Parts { get; internal set; } = [];

    public int Count => Parts.Count;

    /// <summary>The M of "Part N of M": the planned number while more are planned than published; a complete series has what it has.</summary>
    public int Total => Complete ? Parts.Count : Math.Max(PlannedParts ?? 0, Parts.Count);

    /// <summary>
    /// While the series is ongoing and, when a number of parts is planned, fewer are published: an ongoing series whose
    /// planned parts are all out has nothing more coming, whatever its status still says.
    /// </summary>
    public bool MoreComing => !Complete && (PlannedParts is not { } planned || Parts.Count < planned);

    /// <summary>Whether the next part is a planned one, so a list of parts may show a line for it (none for a part nobody planned).</summary>
    public bool NextPartPlanned => MoreComing && PlannedParts is not null;

    public string? DescriptionHtml { get; init; }

    public string? MetaDescription { get; init; }

    /// <summary>The series in brief, as HTML for its card: its own description, else its text's first paragraph as written (bold kept).</summary>
    public string? SummaryHtml { get; init; }

    public string FeedUrl => Url + "/feed.xml";

    public IReadOnlyList<CounselorModel> Authors => Parts.SelectMany(p => p.Authors).Distinct().ToList();
}

public sealed class PageModel
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Url { get; init; }

    public bool IsHome { get; init; }

    public DateModel? Modified { get; init; }

    public string? MetaDescription { get; init; }
}

/// <summary>A page of a list: the items shown and links to the neighbours.</summary>
public sealed class Paging
{
    public required int Page { get; init; }

    public required int Pages { get; init; }

    public string? PreviousUrl { get; init; }

    public string? NextUrl { get; init; }
}
