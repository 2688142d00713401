using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cms.Content;
using Cms.Data;
using Cms.Menu;
using Cms.Recipes.Steps;
using Cms.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Cms.Practice.Site;

/// <summary>Builds a tenant's <see cref="PracticeSite"/> from its published Counselor, Series, Article and Page items.</summary>
internal static partial class PracticeSiteLoader
{
    public const string DefaultCrisisText =
        "If you are in crisis, call or text 988 (Suicide & Crisis Lifeline), chat at 988lifeline.org, or call 911 or go to the nearest emergency room.";

    public const string DefaultAccent = "#3f6b5c";

    // Ghost's reading time: 275 words a minute, plus 12 s for the first image, 11 s for the next, ... at least 3 s each.
    private const double WordsPerMinute = 275;

    private static readonly string[] s_types = ["Counselor", "Series", "Article", "Page", MenuNames.Menu];

    /// <summary>The site model; with <paramref name="previewId"/>, that item's latest version (a draft) stands in for its published one.</summary>
    public static async Task<PracticeSite> LoadAsync(TenantRuntime tenant, CancellationToken cancellationToken, string? previewId = null)
    {
        await using var db = tenant.CreateDbContext();
        var published = db.ContentItems.AsNoTracking()
            .Where(c => previewId == null ? c.Published : (c.Published && c.ContentItemId != previewId) || (c.Latest && c.ContentItemId == previewId))
            .Where(c => s_types.Contains(c.ContentType));
        var others = await Rows(published.Where(c => c.ContentType != "Article")).ToListAsync(cancellationToken);
        var settings = (await TenantDocuments.GetAsync<JsonObject>(db, RecipeDocuments.CustomSettings, cancellationToken))?["PracticeSettings"] as JsonObject;
        var practice = ReadPractice(settings, tenant.Site);
        var vocabulary = tenant.Definitions.ContentPartDefinitionRecords.FirstOrDefault(p => p.Name == "Counselor")?
            .ContentPartFieldDefinitionRecords.FirstOrDefault(f => f.Name == "Specialties")?.Settings["MultiTextFieldSettings"]?["Options"] as JsonArray;

        var vocabularyNames = vocabulary?.Select(o => ItemReader.String(o?["Value"])).OfType<string>().ToList() ?? [];

        // Articles are read one at a time: only their metadata stays, not their JSON (a practice with 100,000 held 1.7 GB).
        var topics = new Dictionary<string, TopicModel>(StringComparer.Ordinal);
        var articles = new Dictionary<string, ArticleModel>(StringComparer.Ordinal);
        await foreach (var row in Rows(published.Where(c => c.ContentType == "Article")).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            articles[row.Id] = ReadArticle(row, topics, practice.TimeZone);
        }

        var counselors = others.Where(r => r.Type == "Counselor").ToDictionary(r => r.Id, ReadCounselor, StringComparer.Ordinal);
        var series = others.Where(r => r.Type == "Series").ToDictionary(r => r.Id, ReadSeries, StringComparer.Ordinal);
        var pages = others.Where(r => r.Type == "Page").ToDictionary(r => r.Id, r => ReadPage(r, practice.TimeZone), StringComparer.Ordinal);
        foreach (var article in articles.Values)
        {
            SiteLinker.Resolve(article, counselors, series);
        }

        var newestFirst = articles.Values.ToList();
        newestFirst.Sort(SiteLinker.NewestFirst);
        var menu = tenant.Has(MenuModule.Feature) ? MainMenuOf(others) : null;
        return SiteLinker.Link(practice, counselors, series, articles, pages, topics, vocabularyNames, newestFirst, menu);
    }

    /// <summary>
    /// The site after a change of these items: their published versions are read again (an item with none is gone), every
    /// other model is reused, and the lists and links are made anew around them. Reads only the changed items' rows.
    /// </summary>
    public static async Task<PracticeSite> UpdateAsync(PracticeSite site, TenantRuntime tenant, IReadOnlyCollection<string> itemIds, CancellationToken cancellationToken)
    {
        List<Row> rows;
        await using (var db = tenant.CreateDbContext())
        {
            rows = await Rows(db.ContentItems.AsNoTracking().Where(c => c.Published && itemIds.Contains(c.ContentItemId) && s_types.Contains(c.ContentType)))
                .ToListAsync(cancellationToken);
        }

        var counselors = new Dictionary<string, CounselorModel>(site.CounselorsById, StringComparer.Ordinal);
        var series = new Dictionary<string, SeriesModel>(site.SeriesById, StringComparer.Ordinal);
        var articles = new Dictionary<string, ArticleModel>(site.ArticlesById, StringComparer.Ordinal);
        var pages = new Dictionary<string, PageModel>(site.PagesById, StringComparer.Ordinal);
        var topics = new Dictionary<string, TopicModel>(site.TopicsBySlug, StringComparer.Ordinal);
        var changed = itemIds.ToHashSet(StringComparer.Ordinal);

        // A counselor or series that changed is a new model: the articles naming it are linked to the new one.
        var linkTargetsChanged = changed.Any(id => counselors.ContainsKey(id) || series.ContainsKey(id)) || rows.Any(r => r.Type is "Counselor" or "Series");
        foreach (var id in changed)
        {
            counselors.Remove(id);
            series.Remove(id);
            articles.Remove(id);
            pages.Remove(id);
        }

        var added = new List<ArticleModel>();
        foreach (var row in rows)
        {
            switch (row.Type)
            {
                case "Counselor":
                    counselors[row.Id] = ReadCounselor(row);
                    break;
                case "Series":
                    series[row.Id] = ReadSeries(row);
                    break;
                case "Page":
                    pages[row.Id] = ReadPage(row, site.Practice.TimeZone);
                    break;
                case MenuNames.Menu:
                    break;
                default:
                    var article = ReadArticle(row, topics, site.Practice.TimeZone);
                    articles[row.Id] = article;
                    added.Add(article);
                    break;
            }
        }

        foreach (var article in linkTargetsChanged ? articles.Values.Where(a => SiteLinker.Names(a, changed)).Concat(added) : added)
        {
            SiteLinker.Resolve(article, counselors, series);
        }

        // The old order with the changed articles taken out and their new versions put in their place.
        var newestFirst = site.Articles.Where(a => !changed.Contains(a.Id)).ToList();
        foreach (var article in added)
        {
            var at = newestFirst.BinarySearch(article, SiteLinker.NewestFirst);
            newestFirst.Insert(at < 0 ? ~at : at, article);
        }

        // The main menu changed, or went (unpublished, deleted, given another alias); or another menu became the main one.
        var menu = site.Menu;
        if (tenant.Has(MenuModule.Feature))
        {
            menu = MainMenuOf(rows) ?? (menu is not null && changed.Contains(menu.Id) ? null : menu);
        }

        return SiteLinker.Link(site.Practice, counselors, series, articles, pages, topics, site.Vocabulary, newestFirst, menu);
    }

    // The published menu whose alias is main-menu among these rows (the first by id, should two claim it).
    private static MainMenu? MainMenuOf(IEnumerable<Row> rows) =>
        rows.Where(r => r.Type == MenuNames.Menu).OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => (r.Id, Item: r.Parse()))
            .Where(m => MenuTree.Alias(m.Item) == MenuNames.MainMenuAlias)
            .Select(m => new MainMenu(m.Id, MenuTree.Read(m.Item)))
            .FirstOrDefault();

    private static IQueryable<Row> Rows(IQueryable<ContentItemRecord> items) =>
        items.Select(c => new Row(c.ContentItemId, c.ContentType, c.Json, c.RoutePath, c.PublishedUtc, c.ModifiedUtc, c.ContentType == "Series" ? c.RenderedJson : null));

    /// <summary>
    /// The published (or, for a preview, the latest) version's rendered Markdown body, with the item's stored view
    /// count read in the same query: all a page reads from the database. Bodies are not kept in the site model.
    /// </summary>
    public static async Task<(string? Body, long StoredViews)> BodyAsync(TenantRuntime tenant, string contentItemId, CancellationToken cancellationToken, bool latest = false)
    {
        await using var db = tenant.CreateDbContext();
        var row = await tenant.State(static _ => new BodyQuery()).RunAsync(db, contentItemId, latest, cancellationToken);
        var body = row?.RenderedJson is { } rendered ? JsonSerializer.Deserialize<Dictionary<string, string>>(rendered)?.GetValueOrDefault(ContentNames.MarkdownBodyPart) : null;
        return (body, row?.Views ?? 0);
    }

    // The time zone is the site settings' (one per practice, edited on the Settings page), not a field of the practice's.
    internal static PracticeInfo ReadPractice(JsonObject? settings, SiteSettings site)
    {
        var part = new ItemReader(settings ?? [], "PracticeSettings");
        var booking = part.Link("BookingLink");
        var privacy = part.Link("PrivacyNoticeLink");
        return new PracticeInfo
        {
            Name = part.Text("PracticeName") ?? site.SiteName,
            Tagline = part.Text("Tagline"),
            StreetAddress = part.Text("StreetAddress"),
            City = part.Text("City"),
            Region = part.Text("Region"),
            PostalCode = part.Text("PostalCode"),
            Phone = part.Text("Phone"),
            Email = part.Text("Email"),
            BookingUrl = booking.Url,
            BookingLabel = booking.Text ?? "Request an appointment",
            CrisisText = part.Text("CrisisText") ?? DefaultCrisisText,
            PrivacyUrl = privacy.Url,
            PrivacyLabel = privacy.Text ?? "Notice of Privacy Practices",
            Accent = Contrast.Readable(part.Text("AccentColor")) ?? DefaultAccent,
            TimeZone = site.Zone,
        };
    }

    private static ArticleModel ReadArticle(Row row, Dictionary<string, TopicModel> topics, TimeZoneInfo zone)
    {
        var item = row.Parse();
        var part = new ItemReader(item, "Article");
        var markdown = Markdown(item);
        return new ArticleModel
        {
            Id = row.Id,
            Title = Title(item, row),
            Url = Url(row),
            Excerpt = part.Text("Excerpt") ?? Excerpt(markdown),
            Image = part.Image("FeatureImage"),
            AuthorIds = part.Ids("Authors").Select(string.Intern).ToArray(),
            ReviewerId = part.Ids("Reviewer") is [var reviewer, ..] ? string.Intern(reviewer) : null,
            SeriesId = part.Ids("Series") is [var seriesId, ..] ? string.Intern(seriesId) : null,
            Part = part.Int("Part"),
            Topics = part.Values("Topics").Select(name => Topic(topics, name)).DistinctBy(t => t.Slug).ToArray(),
            Published = Date(row.PublishedUtc ?? row.ModifiedUtc ?? DateTime.UnixEpoch, zone),
            Updated = part.Date("Updated") is { } updated && updated > (row.PublishedUtc ?? DateTime.MinValue) ? Date(updated, zone) : null,
            SensitiveTopic = part.Bool("SensitiveTopic"),
            SeoTitle = new ItemReader(item, "SeoMetaPart").Raw("PageTitle"),
            MetaDescription = new ItemReader(item, "SeoMetaPart").Raw("MetaDescription"),
            WordCount = Words(markdown),
            ReadingMinutes = ReadingMinutes(markdown),
        };
    }

    private static PageModel ReadPage(Row row, TimeZoneInfo zone)
    {
        var item = row.Parse();
        return new PageModel
        {
            Id = row.Id,
            Title = Title(item, row),
            Url = Url(row),
            IsHome = item["AutoroutePart"]?["SetHomepage"] is JsonValue v && v.TryGetValue<bool>(out var home) && home,
            Modified = row.ModifiedUtc is { } m ? Date(m, zone) : null,
            MetaDescription = new ItemReader(item, "SeoMetaPart").Raw("MetaDescription"),
        };
    }

    private static CounselorModel ReadCounselor(Row row)
    {
        var item = row.Parse();
        var part = new ItemReader(item, "Counselor");
        var booking = part.Link("BookingLink");
        var memberships = (item["Memberships"]?["ContentItems"] as JsonArray ?? [])
            .Select(m => m is JsonObject o ? new ItemReader(o, "Membership").Link("Organization") : default)
            .Where(l => l.Text is not null || l.Url is not null)
            .Select(l => new LinkModel { Name = l.Text ?? l.Url!, Url = l.Url })
            .ToList();
        return new CounselorModel
        {
            Id = row.Id,
            Name = Title(item, row),
            Url = Url(row),
            ProfessionalTitle = part.Text("ProfessionalTitle"),
            CredentialSuffix = part.Text("CredentialSuffix"),
            Pronouns = part.Text("Pronouns"),
            Photo = part.Image("Photo"),
            ShortBio = part.Text("ShortBio"),
            Specialties = part.Values("Specialties"),
            Approaches = part.Values("Approaches"),
            ClientFocus = part.Values("ClientFocus"),
            Languages = part.Values("Languages"),
            LicenseType = part.Text("LicenseType"),
            LicenseNumber = part.Text("LicenseNumber"),
            LicenseState = part.Text("LicenseState"),
            LicenseStatus = part.Text("LicenseStatus") ?? "licensed",
            Supervisor = part.Text("Supervisor"),
            Memberships = memberships,
            NewClientStatus = part.Text("NewClientStatus") ?? "accepting",
            InPerson = part.Bool("InPerson", true),
            Telehealth = part.Bool("Telehealth"),
            Locations = (part.Text("Locations") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Fees = part.Text("Fees"),
            Insurance = part.Text("Insurance"),
            BookingUrl = booking.Url,
            BookingLabel = booking.Text ?? "Book a consultation",
            Email = part.Text("Email"),
            SortOrder = part.Int("SortOrder") ?? 0,
            MetaDescription = new ItemReader(item, "SeoMetaPart").Raw("MetaDescription") ?? part.Text("ShortBio"),
        };
    }

    private static SeriesModel ReadSeries(Row row)
    {
        var item = row.Parse();
        var part = new ItemReader(item, "Series");
        var rendered = row.Rendered is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(row.Rendered);
        var html = rendered?.GetValueOrDefault(ContentNames.MarkdownBodyPart);
        var description = new ItemReader(item, "SeoMetaPart").Raw("MetaDescription");
        return new SeriesModel
        {
            Id = row.Id,
            Title = Title(item, row),
            Url = Url(row),
            Image = part.Image("CoverImage"),
            Status = part.Text("Status") ?? "ongoing",
            PlannedParts = part.Int("PlannedParts"),
            DescriptionHtml = html,
            MetaDescription = description ?? Excerpt(Markdown(item)),
            SummaryHtml = description is not null ? WebUtility.HtmlEncode(description)
                : FirstParagraph().Match(html ?? "") is { Success: true } first ? first.Groups[1].Value
                : WebUtility.HtmlEncode(Excerpt(Markdown(item))),
        };
    }

    private static TopicModel Topic(Dictionary<string, TopicModel> topics, string name)
    {
        var slug = LiquidPatterns.Slugify(name);
        if (!topics.TryGetValue(slug, out var topic))
        {
            topic = new TopicModel { Name = name, Slug = slug };
            topics[slug] = topic;
        }

        return topic;
    }

    internal static DateModel Date(DateTimeOffset utc, TimeZoneInfo zone) => new(utc, zone);

    private static DateModel Date(DateTime utc, TimeZoneInfo zone) => Date(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), zone);

    private static string Title(JsonObject item, Row row) =>
        ItemReader.String(item["TitlePart"]?["Title"]) ?? ItemReader.String(item["DisplayText"]) ?? row.Id;

    private static string Url(Row row) => "/" + (row.Route ?? row.Id);

    private static string Markdown(JsonObject item) => ItemReader.String(item["MarkdownBodyPart"]?["Markdown"]) ?? "";

    internal static int Words(string markdown) => WordPattern().Count(LinkTarget().Replace(markdown, ""));

    internal static int ReadingMinutes(string markdown)
    {
        var seconds = Words(markdown) / WordsPerMinute * 60;
        var images = ImagePattern().Count(markdown);
        for (var i = 0; i < images; i++)
        {
            seconds += Math.Max(3, 12 - i);
        }

        return Math.Max(1, (int)Math.Ceiling(seconds / 60));
    }

    // The first words of the body when an article has no excerpt: about 50 words, at most 300 characters. Emphasis marks
    // go without a trace: replaced by a space, "the **first sessions**." read "the first sessions .".
    internal static string? Excerpt(string markdown)
    {
        var text = MarkdownSyntax().Replace(Emphasis().Replace(LinkTarget().Replace(markdown, ""), ""), " ");
        var words = WordRun().Matches(text).Select(m => m.Value).Take(50).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        var excerpt = string.Join(' ', words);
        if (excerpt.Length > 300)
        {
            excerpt = excerpt[..excerpt.LastIndexOf(' ', 300)];
        }

        return words.Count == 50 || excerpt.Length < string.Join(' ', words).Length ? excerpt + "…" : excerpt;
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’-]*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\]\([^)]*\)")]
    private static partial Regex LinkTarget();

    [GeneratedRegex(@"!\[")]
    private static partial Regex ImagePattern();

    [GeneratedRegex(@"[#>\[\]|]+")]
    private static partial Regex MarkdownSyntax();

    [GeneratedRegex(@"[*_`~]+")]
    private static partial Regex Emphasis();

    // The rendered text's first paragraph, its inline HTML as the sanitizer left it.
    [GeneratedRegex(@"<p>(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex FirstParagraph();

    [GeneratedRegex(@"\S+")]
    private static partial Regex WordRun();

    private sealed record Row(string Id, string Type, string Json, string? Route, DateTime? PublishedUtc, DateTime? ModifiedUtc, string? Rendered)
    {
        public JsonObject Parse() => JsonNode.Parse(Json)!.AsObject();
    }
}
